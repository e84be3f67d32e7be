// SPDX-License-Identifier: GPL-3.0-or-later
#include "RetailConnectionPanel.h"

#include "RetailConnectionDialog.h"
#include "RetailKeyCheck.h"
#include "common/SecretPlace.h"
#include "crm/retailcrm/RetailCrmConnector.h"
#include "secrets/SecretStore.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace Gui {

RetailConnectionPanel::RetailConnectionPanel(std::shared_ptr<Storage::Database> db,
                                             std::shared_ptr<Secrets::SecretStore> secrets, QWidget *parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_secrets(std::move(secrets))
    , m_check(new RetailKeyCheck(m_db, m_secrets, this))
    , m_account(new QLabel(this))
    , m_site(new QLabel(this))
    , m_key(new QLabel(this))
    , m_result(new QLabel(this))
    , m_checkButton(new QPushButton(tr("Check connection"), this))
    , m_replaceButton(new QPushButton(tr("Replace key…"), this))
{
    setObjectName(QStringLiteral("retailPanel"));
    m_account->setObjectName(QStringLiteral("retailAccount"));
    m_account->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_site->setObjectName(QStringLiteral("retailSiteCode"));
    m_key->setObjectName(QStringLiteral("retailKeyState"));
    m_key->setWordWrap(true);
    m_result->setObjectName(QStringLiteral("retailPanelResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_checkButton->setObjectName(QStringLiteral("retailPanelCheckButton"));
    m_replaceButton->setObjectName(QStringLiteral("replaceKeyButton"));

    auto *form = new QFormLayout;
    form->addRow(tr("Account address:"), m_account);
    form->addRow(tr("Site:"), m_site);
    form->addRow(tr("API key:"), m_key);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_result, 1);
    buttons->addWidget(m_checkButton, 0, Qt::AlignTop);
    buttons->addWidget(m_replaceButton, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addStretch();

    connect(m_checkButton, &QPushButton::clicked, this, &RetailConnectionPanel::checkConnection);
    connect(m_replaceButton, &QPushButton::clicked, this, &RetailConnectionPanel::replaceKey);
}

void RetailConnectionPanel::setConnection(const Store::Connection &connection)
{
    if (connection.id != m_connection.id) {
        m_result->clear(); // a reload of the same connection keeps what its check said
        m_checkButton->setEnabled(true);
    }
    m_connection = connection;
    m_account->setText(connection.baseUrl);
    m_site->setText(connection.config.value(QStringLiteral("site")).toString());
    showKeyState();
}

void RetailConnectionPanel::showKeyState()
{
    m_key->setText(tr("checking…"));
    QPointer<RetailConnectionPanel> self(this);
    const qint64 id = m_connection.id;
    m_secrets->read(Secrets::SecretStore::connectionScope(id), Crm::RetailCrm::RetailSecretNames::apiKey(),
                    [self, id](Common::Result<QByteArray> key) {
                        if (!self || self->m_connection.id != id)
                            return;
                        if (key && !key->isEmpty())
                            self->m_key->setText(SecretPlace::stored(*self->m_secrets));
                        else if (key || key.error().kind == Common::ErrorKind::NotFound)
                            self->m_key->setText(SecretPlace::missingReplace(*self->m_secrets));
                        else
                            self->m_key->setText(
                                SecretPlace::unavailable(*self->m_secrets, key.error().message));
                    });
}

void RetailConnectionPanel::checkConnection()
{
    m_checkButton->setEnabled(false);
    m_result->setText(tr("Checking…"));
    QPointer<RetailConnectionPanel> self(this);
    const qint64 id = m_connection.id;
    m_check->checkStored(m_connection, [self, id](Common::Result<RetailAccount> account) {
        if (!self || self->m_connection.id != id)
            return;
        self->m_checkButton->setEnabled(true);
        Store::ConnectionRepo repo(self->m_db);
        if (!account) {
            self->m_result->setText(tr("The check failed: %1").arg(account.error().message));
            if (account.error().kind == Common::ErrorKind::Auth)
                (void)repo.setState(id, QStringLiteral("needs-sign-in"));
        } else {
            self->m_result->setText(tr("Connected to %1.").arg(account->accountName));
            (void)repo.setState(id, QStringLiteral("signed-in"));
        }
        Q_EMIT self->connectionChanged();
    });
}

void RetailConnectionPanel::replaceKey()
{
    auto *dialog = new RetailConnectionDialog(m_db, m_secrets, m_connection, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RetailConnectionDialog::saved, this, &RetailConnectionPanel::connectionChanged);
    dialog->open();
}

} // namespace Gui
