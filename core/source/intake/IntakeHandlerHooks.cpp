// SPDX-License-Identifier: GPL-3.0-or-later
// IntakeHandler: CRM webhooks (stage changes coming back to the shop).
#include "IntakeHandler.h"
#include "IntakeLog.h"
#include "source/StageChangeInbox.h"
#include "storage/Transaction.h"
#include "store/BackSyncConfig.h"
#include "store/ConnectionRepo.h"
#include "store/JobRepo.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Source::Intake {

namespace {

HttpResponse storeUnavailable()
{
    HttpResponse response
        = HttpResponse::json(503, "unavailable", QStringLiteral("The store is unavailable; try again later"));
    response.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("30")));
    return response;
}

// Every account detail the connection knows must match: the right subdomain with a foreign account id
// is another account (or a forgery), not ours.
bool sameAccount(const Store::BackSyncConfig &config, const Model::WebhookDelivery &delivery)
{
    if (!config.accountId.isEmpty() && delivery.accountId != config.accountId)
        return false;
    if (!config.subdomain.isEmpty() && delivery.subdomain != config.subdomain)
        return false;
    return true;
}

} // namespace

/**
 * Answers within milliseconds and does nothing slow: the secret picks the connection, the body is
 * parsed by the CRM's own reader, and the stage changes become jobs for the status lane in one store
 * transaction. A CRM switches off a webhook that answers badly too often (amoCRM: more than 100
 * invalid answers in 2 hours, and it retries every invalid answer), so a body we cannot read is kept
 * in `intake_raw` for the operator and answered 200: a retry would bring the same body again. A wrong
 * secret is 403 and stores nothing; a right secret from another account (any of the account id and
 * subdomain the connection knows differs) is kept and refused (403).
 */
std::optional<HttpResponse> IntakeHandler::findHookConnection(const QString &crm, const QByteArray &secret,
                                                              const QString &clientIp, HookTarget *target)
{
    if (!m_webhookParsers.contains(crm))
        return HttpResponse::json(404, "unknown-crm",
                                  QStringLiteral("No webhooks are taken from \"%1\"").arg(crm));
    auto connections = Store::ConnectionRepo(m_store, m_clock).list();
    if (!connections) {
        qCWarning(lcIntake) << "store unavailable while checking a webhook:"
                            << connections.error().toString();
        return storeUnavailable();
    }
    bool found = false;
    for (const Store::Connection &c : connections.value()) {
        if (c.crm != crm)
            continue;
        const Store::BackSyncConfig candidate = Store::BackSyncConfig::of(c);
        // Every candidate is hashed (no early exit), so the answer time says nothing about the secret.
        if (candidate.acceptsHookSecret(secret) && !found) {
            found = true;
            target->connection = c;
            target->config = candidate;
        }
    }
    if (!found) {
        qCWarning(lcIntake) << "a" << crm << "webhook with a wrong secret from" << clientIp;
        return HttpResponse::json(403, "forbidden", QStringLiteral("Wrong secret"));
    }
    return std::nullopt;
}

HttpResponse IntakeHandler::handleHook(const HttpRequest &request, const QString &clientIp,
                                       const QString &crm, const QByteArray &secret)
{
    HookTarget target;
    if (auto refusal = findHookConnection(crm, secret, clientIp, &target))
        return *refusal;
    const Model::WebhookParser parse = m_webhookParsers.value(crm);
    const Store::Connection &connection = target.connection;
    const Store::BackSyncConfig &config = target.config;

    const QString label = QStringLiteral("hook:%1").arg(connection.name);
    auto delivery = parse(request.header("Content-Type"), request.body);
    if (!delivery) {
        qCWarning(lcIntake) << "kept an unreadable webhook for" << connection.name << ":"
                            << delivery.error().message;
        keepRejected(request, clientIp, label, delivery.error().message);
        return HttpResponse::json(200, "kept", delivery.error().message);
    }
    if (!sameAccount(config, delivery.value())) {
        const QString why
            = QStringLiteral("The webhook came from account %1 (%2), not from the connection's %3 (%4)")
                  .arg(delivery->accountId, delivery->subdomain, config.accountId, config.subdomain);
        qCWarning(lcIntake) << connection.name << ":" << why;
        keepRejected(request, clientIp, label, why);
        return HttpResponse::json(403, "wrong-account", why);
    }

    Storage::Transaction tx(*m_store);
    Store::JobRepo jobs(m_store, m_clock);
    const QString accountId = config.accountId.isEmpty() ? delivery->accountId : config.accountId;
    Common::Result<int> stored = tx.isActive()
        ? StageChangeInbox::append(jobs, connection.id, crm, accountId, delivery->stageChanges,
                                   m_clock->now())
        : Common::Result<int>(tx.error());
    if (stored) {
        if (auto committed = tx.commit(); !committed)
            stored = committed.error();
    }
    if (!stored) {
        qCWarning(lcIntake) << "cannot store a webhook for" << connection.name << ":"
                            << stored.error().toString();
        return storeUnavailable();
    }
    qCInfo(lcIntake) << "webhook for" << connection.name << ":" << delivery->stageChanges.size()
                     << "stage changes," << stored.value() << "new";
    const QJsonObject answer { { QStringLiteral("status"), QStringLiteral("stored") },
                               { QStringLiteral("new"), stored.value() } };
    return { 200, QJsonDocument(answer).toJson(QJsonDocument::Compact), {} };
}

} // namespace Source::Intake
