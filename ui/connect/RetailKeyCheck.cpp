// SPDX-License-Identifier: GPL-3.0-or-later
#include "RetailKeyCheck.h"

#include "common/Clock.h"
#include "crm/ConnectorFactory.h"
#include "crm/retailcrm/RetailCrmConnector.h"
#include "secrets/MemorySecretStore.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QTimer>

namespace Gui {

using Crm::RetailCrm::RetailCrmConnector;

RetailKeyCheck::RetailKeyCheck(std::shared_ptr<Storage::Database> db,
                               std::shared_ptr<Secrets::SecretStore> secrets, QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_secrets(std::move(secrets))
{ }

RetailKeyCheck::~RetailKeyCheck() = default;

void RetailKeyCheck::checkTyped(const QUrl &baseUrl, const QString &key, const QString &site, Done done)
{
    // The key is not the connection's yet: a scratch store holds it for this check only.
    auto scratch = std::make_shared<Secrets::MemorySecretStore>();
    scratch->write(Secrets::SecretStore::connectionScope(0), Crm::RetailCrm::RetailSecretNames::apiKey(),
                   key.trimmed().toUtf8(), [](Common::Status) {});
    Crm::RetailCrm::RetailConnectorConfig config;
    config.baseUrl = baseUrl;
    config.site = site.trimmed();
    config.retry.maxAttempts = 1; // the operator is waiting: say what went wrong at once
    run(
        [config, scratch](QObject *parent) -> std::unique_ptr<Crm::CrmConnector> {
            // No op-log rows for a connection that does not exist yet: no database.
            return std::make_unique<RetailCrmConnector>(
                config, scratch, nullptr, new QNetworkAccessManager(parent), Common::Clock::system(), parent);
        },
        std::move(done));
}

void RetailKeyCheck::checkStored(const Store::Connection &connection, Done done)
{
    run(Crm::ConnectorFactory(m_db, m_secrets).forConnection(connection), std::move(done));
}

void RetailKeyCheck::run(const Make &make, Done done)
{
    const quint64 generation = ++m_generation;
    if (m_holder)
        m_holder->deleteLater(); // its answer, if any, is dropped by the generation
    m_holder = new QObject(this);
    // The holder owns the connector (its parent) and the connector's network access.
    auto *retail = qobject_cast<RetailCrmConnector *>(make(m_holder).release());
    m_done = std::move(done);
    if (!retail) {
        finish(generation, Common::Error::invalidInput(tr("Not a RetailCRM connection")));
        return;
    }
    QPointer<RetailKeyCheck> self(this);
    retail->testConnection([self, generation, retail](Common::Result<Crm::AccountInfo> info) {
        if (!self || generation != self->m_generation)
            return;
        if (!info) {
            self->finish(generation, info.error());
            return;
        }
        const QString accountName = info->accountName;
        retail->get(
            QStringLiteral("reference/sites"), {},
            [self, generation, accountName](Common::Result<QJsonObject> answer) {
                if (!self || generation != self->m_generation)
                    return;
                if (!answer) {
                    self->finish(generation, answer.error());
                    return;
                }
                RetailAccount account;
                account.accountName = accountName;
                const QJsonObject sites = answer->value(QLatin1String("sites")).toObject();
                for (auto it = sites.begin(); it != sites.end(); ++it) {
                    const QJsonObject site = it.value().toObject();
                    account.sites.append({ it.key(), site.value(QLatin1String("name")).toString(it.key()) });
                }
                self->finish(generation, account);
            });
    });
}

void RetailKeyCheck::finish(quint64 generation, Common::Result<RetailAccount> result)
{
    if (generation != m_generation)
        return;
    Done done = std::move(m_done);
    m_done = nullptr;
    // The connector is inside its own callback now: delete it once that has returned.
    if (m_holder)
        m_holder->deleteLater();
    m_holder = nullptr;
    if (done)
        done(std::move(result));
}

} // namespace Gui
