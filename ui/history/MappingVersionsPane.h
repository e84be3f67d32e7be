// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Database.h"

#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace Gui {

/**
 * A connection's mapping versions (Store::MappingHistory): who saved each and when, what it changed
 * against the version before it, and "Roll back to this version" (MappingRepo::rollback, asked first).
 * GUI thread; owned by the History page.
 */
class MappingVersionsPane : public QWidget
{
    Q_OBJECT
public:
    explicit MappingVersionsPane(std::shared_ptr<Storage::Database> db, QWidget *parent = nullptr);

public Q_SLOTS:
    /** Reads the connections and the chosen one's versions again. */
    void reload();

Q_SIGNALS:
    /** A roll-back was saved (the audit trail has a new entry). */
    void rolledBack(qint64 connectionId, qint64 versionId);

private:
    void showVersions();
    void showDiff();
    void rollBack();

    std::shared_ptr<Storage::Database> m_db;
    QComboBox *m_connection;
    QListWidget *m_versions;
    QPlainTextEdit *m_diff;
    QPushButton *m_rollBack;
    QLabel *m_result;
};

} // namespace Gui
