// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Database.h"

#include <QWidget>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;

namespace Gui {

class EngineSettingsForm;

/**
 * The Settings page: this console's language and tray behaviour (per user, QSettings), how long
 * the operation log is kept and the engine settings (per store, Store::SettingsRepo, so the engine sees
 * them; EngineSettingsForm). Loads a copy, validates, saves in one step. GUI thread; owned by the main
 * window.
 */
class SettingsPage : public QWidget
{
    Q_OBJECT
public:
    explicit SettingsPage(std::shared_ptr<Storage::Database> db, QWidget *parent = nullptr);

    static QString logRetentionKey() { return QStringLiteral("oplog.retention_days"); }
    /** Whether closing the window keeps the engine running in the tray (default yes). */
    static bool closeToTray();

public Q_SLOTS:
    void load();
    bool save();

private:
    std::shared_ptr<Storage::Database> m_db;
    QComboBox *m_language;
    QCheckBox *m_tray;
    QSpinBox *m_retention;
    EngineSettingsForm *m_engine;
    QLabel *m_result;
};

} // namespace Gui
