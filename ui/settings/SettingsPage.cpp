// SPDX-License-Identifier: GPL-3.0-or-later
#include "SettingsPage.h"

#include "store/SettingsRepo.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
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

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 18, 18, 18);
    layout->addWidget(title);
    layout->addLayout(form);
    layout->addStretch();
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
    m_result->clear();
}

bool SettingsPage::save()
{
    QSettings settings;
    settings.setValue(QStringLiteral("ui/language"), m_language->currentData().toString());
    settings.setValue(QStringLiteral("ui/closeToTray"), m_tray->isChecked());
    if (auto saved
        = Store::SettingsRepo(m_db).setValue(logRetentionKey(), QString::number(m_retention->value()));
        !saved) {
        m_result->setText(saved.error().message);
        return false;
    }
    m_result->setText(tr("Saved."));
    return true;
}

} // namespace Gui
