// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Database.h"
#include "store/Job.h"

#include <QAbstractListModel>
#include <memory>

namespace Gui {

/**
 * Failed jobs grouped by cause (Store::JobRepo::failureGroups), most frequent first: "37 × field 123
 * is not a number". A thin list model; GUI thread; owned by the Queue page.
 */
class FailureGroupModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { FingerprintRole = Qt::UserRole + 1, CountRole, AdviceRole };

    explicit FailureGroupModel(std::shared_ptr<Storage::Database> db, QObject *parent = nullptr);

    void refresh();
    const Store::FailureGroup &groupAt(int row) const { return m_groups.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<Storage::Database> m_db;
    QList<Store::FailureGroup> m_groups;
};

} // namespace Gui
