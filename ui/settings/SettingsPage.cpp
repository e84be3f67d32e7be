// SPDX-License-Identifier: GPL-3.0-or-later
#include "SettingsPage.h"

#include "EngineSettingsForm.h"
#include "store/SettingsRepo.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Gui {

SettingsPage::SettingsPage(std::shared_ptr<Storage::Database> db, QWidget *parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_language(new QComboBox(this))
    , m_tray(new QCheckBox(tr("Keep sending in the background when the window is closed"), this))
    , m_retention(new QSpinBox(this))
    , m_engine(new EngineSettingsForm(m_db, this))
    , m_result(new QLabel(this))
{
    setObjectName(QStringLiteral("settingsPage"));
    auto *title = new QLabel(tr("Settings"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);

    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(tr("The system's language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Русский"), QStringLiteral("ru"));
    m_tray->setObjectName(QStringLiteral("closeToTrayCheck"));
    m_retention->setObjectName(QStringLiteral("logRetentionSpin"));
    m_retention->setRange(1, 3650);
    m_retention->setSuffix(tr(" days"));
    m_result->setObjectName(QStringLiteral("settingsResult"));
    auto *save = new QPushButton(tr("Save"), this);
    save->setObjectName(QStringLiteral("saveSettingsButton"));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(tr("Language (after a restart):"), m_language);
    form->addRow(QString(), m_tray);
    form->addRow(tr("Keep the log for:"), m_retention);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_result, 1);
    buttons->addWidget(save);

    auto *consoleBox = new QGroupBox(tr("This console"), this);
    consoleBox->setLayout(form);
    auto *engineBox
        = new QGroupBox(tr("The engine (shared by every engine and console on this store)"), this);
    auto *engineLayout = new QVBoxLayout(engineBox);
    engineLayout->addWidget(m_engine);

    // Taller than a small window in Russian: the settings scroll up and down, never sideways.
    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(consoleBox);
    contentLayout->addWidget(engineBox);
    contentLayout->addStretch();
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 18, 18, 18);
    layout->addWidget(title);
    layout->addWidget(scroll, 1);
    layout->addLayout(buttons);
    connect(save, &QPushButton::clicked, this, &SettingsPage::save);
    load();
}

bool SettingsPage::closeToTray()
{
    return QSettings().value(QStringLiteral("ui/closeToTray"), true).toBool();
}

void SettingsPage::load()
{
    QSettings settings;
    m_language->setCurrentIndex(
        std::max(0, m_language->findData(settings.value(QStringLiteral("ui/language")).toString())));
    m_tray->setChecked(closeToTray());
    m_retention->setValue(Store::SettingsRepo(m_db)
                              .value(logRetentionKey(), QStringLiteral("30"))
                              .valueOr(QStringLiteral("30"))
                              .toInt());
    m_engine->load();
    m_result->clear();
}

bool SettingsPage::save()
{
    if (!m_engine->validate()) {
        m_result->setText(tr("Fix the marked field first."));
        return false;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("ui/language"), m_language->currentData().toString());
    settings.setValue(QStringLiteral("ui/closeToTray"), m_tray->isChecked());
    if (auto saved
        = Store::SettingsRepo(m_db).setValue(logRetentionKey(), QString::number(m_retention->value()));
        !saved) {
        m_result->setText(saved.error().message);
        return false;
    }
    if (const QString problem = m_engine->save(); !problem.isEmpty()) {
        m_result->setText(problem);
        return false;
    }
    m_result->setText(tr("Saved. Running engines use the engine settings from their next start."));
    return true;
}

} // namespace Gui
