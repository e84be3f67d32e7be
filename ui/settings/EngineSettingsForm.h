// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Database.h"

#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace Gui {

/**
 * The engine settings the README lists (contacts.match_rule, contacts.refresh_interval_s, forms.as,
 * customers.upsert_contacts, sources.poll_interval_ms, intake.listen), each with what it does, edited
 * on a copy and checked before saving; a problem is shown next to its field, in words. They live in
 * the store (Store::SettingsRepo), shared by every engine and console on it. GUI thread; owned by the
 * Settings page.
 */
class EngineSettingsForm : public QWidget
{
    Q_OBJECT
public:
    explicit EngineSettingsForm(std::shared_ptr<Storage::Database> db, QWidget *parent = nullptr);

    void load();
    /** Checks every field; false (with the problem shown next to its field) when one is wrong. */
    bool validate();
    /** Validates, then writes every setting; returns the store's error when it refuses. */
    QString save();

private:
    std::shared_ptr<Storage::Database> m_db;
    QComboBox *m_matchRule;
    QSpinBox *m_refresh;
    QComboBox *m_forms;
    QComboBox *m_customers;
    QSpinBox *m_poll;
    QLineEdit *m_intake;
    QLabel *m_intakeProblem;
};

} // namespace Gui
