// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Database.h"

#include <QWidget>
#include <memory>

class QComboBox;
class QTableView;

namespace Gui {

class AuditTableModel;
class MappingVersionsPane;

/**
 * The History page: who did what and when on this store (the audit trail, filtered by kind of
 * action), and the versions of each connection's mapping with what each changed and a roll-back.
 * Reads the store when shown. GUI thread; owned by the main window.
 */
class HistoryPage : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryPage(std::shared_ptr<Storage::Database> db, QWidget *parent = nullptr);

public Q_SLOTS:
    void reload();

protected:
    void showEvent(QShowEvent *event) override;

private:
    std::shared_ptr<Storage::Database> m_db;
    AuditTableModel *m_model;
    QComboBox *m_filter;
    QTableView *m_table;
    MappingVersionsPane *m_versions;
};

} // namespace Gui
