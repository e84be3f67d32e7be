// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "crm/CrmSchema.h"
#include "mapping/MappingSet.h"
#include "storage/Database.h"

#include <QWidget>
#include <memory>

class QLabel;
class QLineEdit;

namespace Gui {

class RoutingModel;

/**
 * Category routing: the rules (RoutingModel) and "which rule matches order N?", answered with the
 * routing's own explanation for that order as it sits in the outbox. GUI thread; owned by the
 * Mapping page.
 */
class RoutingView : public QWidget
{
    Q_OBJECT
public:
    explicit RoutingView(std::shared_ptr<Storage::Database> db, QWidget *parent = nullptr);

    void setMapping(const Mapping::MappingSet &set, const Crm::CrmSchema &schema);
    RoutingModel *model() const { return m_model; }
    /** Whether routing means anything for this account: it has more than one pipeline to route to (a
     *  RetailCRM account has one order flow), or the mapping already has rules. */
    static bool appliesTo(const Crm::CrmSchema &schema, const Mapping::MappingSet &set)
    {
        return schema.pipelines.size() > 1 || !set.routing.rules.isEmpty();
    }
    /** Answers for an order number (or says it is not in the queue). */
    QString explain(const QString &orderNumber) const;

private:
    std::shared_ptr<Storage::Database> m_db;
    Mapping::MappingSet m_set;
    Crm::CrmSchema m_schema;
    RoutingModel *m_model;
    QLineEdit *m_order;
    QLabel *m_answer;
};

} // namespace Gui
