// SPDX-License-Identifier: GPL-3.0-or-later
#include "BackSyncSetup.h"

#include "StageEventPoller.h"
#include "net/Redactor.h"
#include "store/ConnectionRepo.h"
#include "store/WatermarkRepo.h"

#include <QCoreApplication>

namespace Engine {

using Common::Error;
using Mode = Store::BackSyncConfig::Mode;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Engine::BackSyncSetup", text);
}

QString destinationOf(const Store::BackSyncConfig &config, const QString &crm, const QString &secret)
{
    QString base = config.publicUrl.trimmed();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return base + Store::BackSyncConfig::hookPath(crm, secret);
}

/** The steps of one apply(), chained through the connector's and the secret store's callbacks. */
struct Run : std::enable_shared_from_this<Run>
{
    std::shared_ptr<Storage::Database> db;
    std::shared_ptr<Secrets::SecretStore> secrets;
    Crm::CrmConnector *connector = nullptr;
    BackSyncSetup::Request request;
    BackSyncSetup::Done done;
    Store::Connection connection;
    Store::BackSyncConfig config;

    QString scope() const { return Secrets::SecretStore::connectionScope(connection.id); }

    void removeOldWebhook()
    {
        const Store::BackSyncConfig old = Store::BackSyncConfig::of(connection);
        if (old.mode != Mode::Webhook) {
            configure();
            return;
        }
        auto self = shared_from_this();
        secrets->read(scope(), BackSyncSetup::secretName(), [self, old](Common::Result<QByteArray> secret) {
            if (!secret) {
                // Without the secret the old destination is unknown; it answers 403 from now on.
                self->configure();
                return;
            }
            const QString text = QString::fromUtf8(secret.value());
            Net::Redactor::remember(text);
            self->connector->removeStageWebhook(
                destinationOf(old, self->connector->crmName(), text), [self](Common::Status removed) {
                    if (!removed) {
                        self->done(removed.error());
                        return;
                    }
                    self->secrets->remove(self->scope(), BackSyncSetup::secretName(),
                                          [self](Common::Status) { self->configure(); });
                });
        });
    }

    void configure()
    {
        config = Store::BackSyncConfig::of(connection);
        config.mode = request.mode;
        config.hookSalt.clear();
        config.hookHash.clear();
        if (request.mode == Mode::Off) {
            save();
            return;
        }
        if (request.mode == Mode::Webhook && !connector->hasStageWebhooks()) {
            done(Error::invalidInput(connector->noStageWebhooksAdvice(), QStringLiteral("no-webhooks")));
            return;
        }
        auto self = shared_from_this();
        connector->testConnection([self](Common::Result<Crm::AccountInfo> account) {
            if (!account) {
                self->done(account.error());
                return;
            }
            self->config.accountId = account->accountId;
            self->config.subdomain = account->subdomain;
            if (self->request.mode == Mode::Polling)
                self->startPolling();
            else
                self->registerWebhook();
        });
    }

    void startPolling()
    {
        config.pollMs = request.pollMs;
        config.publicUrl.clear();
        // From now on: changes made while polling was off are not replayed.
        if (auto reset = Store::WatermarkRepo(db).setValue(StageEventPoller::watermarkSource(connection.id),
                                                           StageEventPoller::watermarkStream(), QString());
            !reset) {
            done(reset.error());
            return;
        }
        save();
    }

    void registerWebhook()
    {
        const QUrl url(request.publicUrl.trimmed());
        if (!url.isValid()
            || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))
            || url.host().isEmpty()) {
            done(Error::invalidInput(
                tr("The public URL must be an http(s) address that forwards to this machine, not \"%1\"")
                    .arg(request.publicUrl)));
            return;
        }
        config.publicUrl = request.publicUrl.trimmed();
        const QString secret = config.newHookSecret();
        Net::Redactor::remember(secret);
        auto self = shared_from_this();
        secrets->write(scope(), BackSyncSetup::secretName(), secret.toUtf8(),
                       [self, secret](Common::Status kept) {
                           if (!kept) {
                               self->done(kept.error());
                               return;
                           }
                           self->connector->registerStageWebhook(
                               destinationOf(self->config, self->connector->crmName(), secret),
                               [self](Common::Status registered) {
                                   if (!registered)
                                       self->done(registered.error());
                                   else
                                       self->save();
                               });
                       });
    }

    void save()
    {
        config.applyTo(connection);
        if (auto saved = Store::ConnectionRepo(db).update(connection); !saved) {
            done(saved.error());
            return;
        }
        done(config);
    }
};

} // namespace

void BackSyncSetup::apply(std::shared_ptr<Storage::Database> db,
                          std::shared_ptr<Secrets::SecretStore> secrets, qint64 connectionId,
                          Crm::CrmConnector *connector, const Request &request, Done done)
{
    auto connection = Store::ConnectionRepo(db).byId(connectionId);
    if (!connection) {
        done(connection.error());
        return;
    }
    auto run = std::make_shared<Run>();
    run->db = std::move(db);
    run->secrets = std::move(secrets);
    run->connector = connector;
    run->request = request;
    run->done = std::move(done);
    run->connection = connection.value();
    run->removeOldWebhook();
}

} // namespace Engine
