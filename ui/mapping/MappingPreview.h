// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "crm/CrmSchema.h"
#include "crm/DealDraft.h"
#include "mapping/MappingSet.h"
#include "storage/Database.h"

#include <QWidget>
#include <memory>

class QComboBox;
class QTextBrowser;

namespace Gui {

/**
 * The live preview: pick a recent order or form submission from the outbox and see the exact deal,
 * contact, note and routing explanation the mapping being edited would produce (DraftBuilder, the
 * same code a lane runs), with every skipped row and why. GUI thread; owned by the Mapping page.
 */
class MappingPreview : public QWidget
{
    Q_OBJECT
public:
    explicit MappingPreview(std::shared_ptr<Storage::Database> db, QWidget *parent = nullptr);

    /** Rebuilds the preview for the mapping as edited (not as saved). */
    void setMapping(const Mapping::MappingSet &set, const Crm::CrmSchema &schema);
    /** Re-reads the recent orders and forms from the outbox. */
    void reloadSamples();
    QString text() const;

    /** The draft as readable HTML; schema names the pipeline, stage and user ids. withRouting: with the
     *  routing's explanation (left out for an account with one order flow, see RoutingView::appliesTo). */
    static QString describe(const Crm::DealDraft &draft, const Crm::CrmSchema &schema, bool withRouting);

private:
    void rebuild();

    std::shared_ptr<Storage::Database> m_db;
    Mapping::MappingSet m_set;
    Crm::CrmSchema m_schema;
    QComboBox *m_samples;
    QTextBrowser *m_text;
};

} // namespace Gui
