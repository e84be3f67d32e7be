// SPDX-License-Identifier: GPL-3.0-or-later
#include "EngineSettingsForm.h"

#include "engine/EngineSettings.h"
#include "engine/SourcePoller.h"
#include "source/intake/FormIntakeServer.h"
#include "store/SettingsRepo.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

namespace Gui {

namespace {

const QString kPollInterval = QStringLiteral("sources.poll_interval_ms");
const QString kIntakeListen = QStringLiteral("intake.listen");
const QString kDefaultIntake = QStringLiteral("127.0.0.1:8088");

QLabel *explanation(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

EngineSettingsForm::EngineSettingsForm(std::shared_ptr<Storage::Database> db, QWidget *parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_matchRule(new QComboBox(this))
    , m_refresh(new QSpinBox(this))
    , m_forms(new QComboBox(this))
    , m_customers(new QComboBox(this))
    , m_poll(new QSpinBox(this))
    , m_intake(new QLineEdit(this))
    , m_intakeProblem(new QLabel(this))
{
    setObjectName(QStringLiteral("engineSettings"));
    m_matchRule->setObjectName(QStringLiteral("matchRuleCombo"));
    m_matchRule->addItem(tr("By e-mail, then by phone"), QStringLiteral("email-then-phone"));
    m_matchRule->addItem(tr("By phone, then by e-mail"), QStringLiteral("phone-then-email"));
    m_matchRule->addItem(tr("By e-mail only"), QStringLiteral("email-only"));
    m_matchRule->addItem(tr("By phone only"), QStringLiteral("phone-only"));
    m_matchRule->addItem(tr("Never: a new contact for every order"), QStringLiteral("never"));
    m_refresh->setObjectName(QStringLiteral("contactRefreshSpin"));
    m_refresh->setRange(30, 86'400);
    m_refresh->setSingleStep(30);
    m_refresh->setSuffix(tr(" s"));
    m_forms->setObjectName(QStringLiteral("formsAsCombo"));
    m_forms->addItem(tr("A deal with its contact"), QStringLiteral("lead"));
    m_forms->addItem(tr("amoCRM's Unsorted, for a manager to accept"), QStringLiteral("unsorted"));
    m_customers->setObjectName(QStringLiteral("customersCombo"));
    m_customers->addItem(tr("Off: profile changes wait in the queue"), QStringLiteral("off"));
    m_customers->addItem(tr("On: create or update the customer's contact"), QStringLiteral("on"));
    m_poll->setObjectName(QStringLiteral("pollIntervalSpin"));
    m_poll->setRange(200, 60'000);
    m_poll->setSingleStep(100);
    m_poll->setSuffix(tr(" ms"));
    m_intake->setObjectName(QStringLiteral("intakeAddressEdit"));
    m_intake->setPlaceholderText(kDefaultIntake);
    m_intakeProblem->setObjectName(QStringLiteral("intakeAddressProblem"));
    m_intakeProblem->setWordWrap(true);
    m_intakeProblem->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_intakeProblem->hide();
    for (QComboBox *combo : { m_matchRule, m_forms, m_customers }) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(28);
    }

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->addRow(tr("Match a buyer to a CRM contact:"), m_matchRule);
    form->addRow(QString(),
                 explanation(tr("Which channel finds an existing contact, and wins when the e-mail "
                                "and the phone point at different contacts."),
                             this));
    form->addRow(tr("Read contacts changed in the CRM every:"), m_refresh);
    form->addRow(QString(),
                 explanation(tr("Managers' edits reach the local contact index this often."), this));
    form->addRow(tr("Web forms become:"), m_forms);
    form->addRow(tr("Profile changes:"), m_customers);
    form->addRow(tr("Look for new shop orders every:"), m_poll);
    form->addRow(QString(),
                 explanation(tr("One indexed query a poll; a new order is queued within this time."), this));
    form->addRow(tr("Form intake address:"), m_intake);
    form->addRow(QString(), m_intakeProblem);
    form->addRow(QString(),
                 explanation(tr("ADDRESS:PORT the web forms post to, behind your web server. Engines "
                                "read these settings when they start."),
                             this));
    connect(m_intake, &QLineEdit::textEdited, this, [this] { m_intakeProblem->hide(); });
}

void EngineSettingsForm::load()
{
    Store::SettingsRepo settings(m_db);
    auto pick = [&settings](QComboBox *combo, const QString &key, const QString &fallback) {
        const QString value = settings.value(key, fallback).valueOr(fallback).trimmed().toLower();
        const int index = combo->findData(value);
        combo->setCurrentIndex(std::max(0, index));
    };
    pick(m_matchRule, Engine::EngineSettings::kMatchRule, QStringLiteral("email-then-phone"));
    pick(m_forms, Engine::EngineSettings::kFormsAs, QStringLiteral("lead"));
    const QString customers = settings.value(Engine::EngineSettings::kCustomers, QStringLiteral("off"))
                                  .valueOr(QStringLiteral("off"));
    m_customers->setCurrentIndex(QStringList { QStringLiteral("on"), QStringLiteral("true"),
                                               QStringLiteral("yes"), QStringLiteral("1") }
                                         .contains(customers.trimmed().toLower())
                                     ? 1
                                     : 0);
    m_refresh->setValue(settings.value(Engine::EngineSettings::kContactRefresh, QStringLiteral("300"))
                            .valueOr(QStringLiteral("300"))
                            .toInt());
    const QString pollDefault = QString::number(Engine::PollerConfig().intervalMs);
    m_poll->setValue(settings.value(kPollInterval, pollDefault).valueOr(pollDefault).toInt());
    m_intake->setText(settings.value(kIntakeListen).valueOr(QString()));
    m_intakeProblem->hide();
}

bool EngineSettingsForm::validate()
{
    const QString listen = m_intake->text().trimmed();
    if (listen.isEmpty())
        return true;
    auto parsed = Source::Intake::IntakeConfig::fromSettings({ { kIntakeListen, listen } });
    if (parsed)
        return true;
    m_intakeProblem->setText(tr("Write an address and a port, e.g. 127.0.0.1:8088 or [::1]:8088."));
    m_intakeProblem->show();
    m_intake->setFocus();
    return false;
}

QString EngineSettingsForm::save()
{
    if (!validate())
        return tr("Fix the marked field first.");
    Store::SettingsRepo settings(m_db);
    const QList<std::pair<QString, QString>> values {
        { Engine::EngineSettings::kMatchRule, m_matchRule->currentData().toString() },
        { Engine::EngineSettings::kContactRefresh, QString::number(m_refresh->value()) },
        { Engine::EngineSettings::kFormsAs, m_forms->currentData().toString() },
        { Engine::EngineSettings::kCustomers, m_customers->currentData().toString() },
        { kPollInterval, QString::number(m_poll->value()) },
        { kIntakeListen, m_intake->text().trimmed() },
    };
    for (const auto &[key, value] : values) {
        if (auto saved = settings.setValue(key, value); !saved)
            return saved.error().message;
    }
    return {};
}

} // namespace Gui
