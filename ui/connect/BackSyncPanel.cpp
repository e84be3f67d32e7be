// SPDX-License-Identifier: GPL-3.0-or-later
#include "BackSyncPanel.h"

#include "ShopSidePanel.h"
#include "crm/ConnectorFactory.h"
#include "engine/BackSyncSetup.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace Gui {

using Mode = Store::BackSyncConfig::Mode;

BackSyncPanel::BackSyncPanel(std::shared_ptr<Storage::Database> db,
                             std::shared_ptr<Secrets::SecretStore> secrets, QWidget *parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_secrets(std::move(secrets))
    , m_connectors(std::make_unique<Crm::ConnectorFactory>(m_db, m_secrets))
    , m_state(new QLabel(this))
    , m_mode(new QComboBox(this))
    , m_publicUrl(new QLineEdit(this))
    , m_interval(new QSpinBox(this))
    , m_apply(new QPushButton(tr("Apply"), this))
    , m_result(new QLabel(this))
{
    setObjectName(QStringLiteral("backSyncPanel"));
    m_state->setObjectName(QStringLiteral("backSyncState"));
    m_state->setWordWrap(true);
    m_mode->setObjectName(QStringLiteral("backSyncMode"));
    m_mode->addItem(tr("Off"), int(Mode::Off));
    m_mode->addItem(tr("Webhook"), int(Mode::Webhook));
    m_mode->addItem(tr("Polling"), int(Mode::Polling));
    m_publicUrl->setObjectName(QStringLiteral("backSyncPublicUrl"));
    m_publicUrl->setPlaceholderText(tr("Public address, e.g. https://bridge.example.ru"));
    m_publicUrl->setToolTip(tr("The public address that forwards to this computer's intake server; the CRM "
                               "posts its stage changes there."));
    m_interval->setObjectName(QStringLiteral("backSyncInterval"));
    m_interval->setRange(5, 3600);
    m_interval->setValue(30);
    m_interval->setPrefix(tr("every "));
    m_interval->setSuffix(tr(" s"));
    m_apply->setObjectName(QStringLiteral("backSyncApplyButton"));
    m_result->setObjectName(QStringLiteral("backSyncResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setMinimumHeight(
        m_result->fontMetrics().lineSpacing()); // the page does not jump when it speaks

    auto *choice = new QHBoxLayout;
    choice->addWidget(m_mode);
    choice->addWidget(m_publicUrl, 1);
    choice->addWidget(m_interval);
    choice->addStretch();
    choice->addWidget(m_apply);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_state);
    layout->addLayout(choice);
    layout->addWidget(m_result);

    connect(m_mode, &QComboBox::currentIndexChanged, this, &BackSyncPanel::showChoice);
    connect(m_apply, &QPushButton::clicked, this, &BackSyncPanel::apply);
    setConnection({});
}

BackSyncPanel::~BackSyncPanel() = default;

void BackSyncPanel::setConnection(const Store::Connection &connection)
{
    if (connection.id != m_connection.id) {
        m_result->clear(); // a reload of the same connection keeps what the last apply said
        if (m_running) {
            m_running->deleteLater(); // its answer is for the connection shown before
            m_running = nullptr;
        }
    }
    m_connection = connection;
    const Store::BackSyncConfig config = Store::BackSyncConfig::of(connection);
    // Only a CRM whose deliveries we can read can post its stage changes to us.
    const bool webhooks = Crm::ConnectorFactory::webhookParsers().contains(connection.crm);
    if (auto *model = qobject_cast<QStandardItemModel *>(m_mode->model())) {
        QStandardItem *item = model->item(m_mode->findData(int(Mode::Webhook)));
        item->setEnabled(webhooks);
        item->setToolTip(webhooks ? QString() : tr("This CRM cannot post its stage changes: use polling."));
    }
    m_mode->setCurrentIndex(m_mode->findData(int(config.mode)));
    m_publicUrl->setText(config.publicUrl);
    m_interval->setValue(int(config.pollMs / 1000));
    setBusy(m_running != nullptr);
    setEnabled(connection.id > 0);
    showChoice();
    showState();
}

Mode BackSyncPanel::chosenMode() const
{
    return Mode(m_mode->currentData().toInt());
}

void BackSyncPanel::showChoice()
{
    m_publicUrl->setVisible(chosenMode() == Mode::Webhook);
    m_interval->setVisible(chosenMode() == Mode::Polling);
}

void BackSyncPanel::showState()
{
    if (m_connection.id == 0) {
        m_state->setText(tr("Save the connection first."));
        return;
    }
    const Store::BackSyncConfig config = Store::BackSyncConfig::of(m_connection);
    switch (config.mode) {
    case Mode::Off:
        m_state->setText(tr("Off: stage changes made in the CRM do not come back to the shop."));
        break;
    case Mode::Webhook:
        m_state->setText(tr("By webhook: the CRM posts its stage changes to %1 (copy the address below, "
                            "under Shop and forms).")
                             .arg(ShopSidePanel::maskedHookAddress(m_connection)));
        break;
    case Mode::Polling:
        m_state->setText(tr("By polling: the CRM's stage changes are read every %n second(s).", nullptr,
                            int(config.pollMs / 1000)));
        break;
    }
}

void BackSyncPanel::setBusy(bool busy)
{
    m_mode->setEnabled(!busy);
    m_publicUrl->setEnabled(!busy);
    m_interval->setEnabled(!busy);
    m_apply->setEnabled(!busy);
}

void BackSyncPanel::apply()
{
    if (m_connection.id == 0 || m_running)
        return;
    Engine::BackSyncSetup::Request request;
    request.mode = chosenMode();
    request.publicUrl = m_publicUrl->text().trimmed();
    request.pollMs = qint64(m_interval->value()) * 1000;
    if (request.mode == Mode::Webhook && request.publicUrl.isEmpty()) {
        m_result->setText(tr("Give the public address that forwards to this computer's intake server."));
        return;
    }
    const Mode before = Store::BackSyncConfig::of(m_connection).mode;
    m_result->setText(request.mode == Mode::Webhook ? tr("Registering the webhook with the CRM…")
                          : before == Mode::Webhook ? tr("Removing the webhook from the CRM…")
                                                    : tr("Asking the CRM…"));
    m_running = new QObject(this);
    setBusy(true);
    // The connector (and its network access) lives under m_running until the CRM has answered.
    Crm::CrmConnector *connector = m_connectors->forConnection(m_connection)(m_running).release();
    QPointer<BackSyncPanel> self(this);
    QPointer<QObject> running(m_running);
    Engine::BackSyncSetup::apply(m_db, m_secrets, m_connection.id, connector, request,
                                 [self, running](Common::Result<Store::BackSyncConfig> applied) {
                                     if (!self || !running || running != self->m_running)
                                         return; // another connection is shown now
                                     self->m_running->deleteLater();
                                     self->m_running = nullptr;
                                     self->setBusy(false);
                                     self->m_result->setText(
                                         applied ? tr("Done.")
                                                 : tr("Not changed: %1").arg(applied.error().message));
                                     // Even a failed switch may have removed an old webhook: show what the
                                     // store says now.
                                     Q_EMIT self->changed();
                                 });
}

} // namespace Gui
