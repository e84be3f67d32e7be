// SPDX-License-Identifier: GPL-3.0-or-later
// IntakeHandler: shops' webhooks (MoySklad), which only say "read this source now".
#include "IntakeHandler.h"
#include "IntakeLog.h"
#include "source/ShopWebhooks.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Source::Intake {

/**
 * The source is looked up by name and the secret checked against its kept hash. An unknown source and
 * a wrong secret get the same 403 (a name is not confirmed to a guesser), and both are hashed, so the
 * answer time says nothing either.
 */
std::optional<HttpResponse> IntakeHandler::checkShopHook(const QString &source, const QByteArray &secret,
                                                         const QString &clientIp)
{
    auto record = SourceRepo(m_store, m_clock).byName(source);
    if (!record && record.error().kind != Common::ErrorKind::NotFound) {
        qCWarning(lcIntake) << "store unavailable while checking a shop webhook:"
                            << record.error().toString();
        HttpResponse response = HttpResponse::json(
            503, "unavailable", QStringLiteral("The store is unavailable; try again later"));
        response.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("30")));
        return response;
    }
    const ShopWebhooks hooks = record ? ShopWebhooks::of(record.value()) : ShopWebhooks {};
    if (!hooks.secret.accepts(secret) || !hooks.isOn()) {
        qCWarning(lcIntake) << "a shop webhook with a wrong secret or source from" << clientIp;
        return HttpResponse::json(403, "forbidden", QStringLiteral("Wrong secret"));
    }
    return std::nullopt;
}

/**
 * Answers at once (MoySklad wants 200 within 1.5 s, else it repeats the notification three times and
 * drops it): the notification carries only hrefs, and what changed is read by the source's poller from
 * its marks, so nothing of the body is needed. A body that is not a notification is kept in
 * `intake_raw` for the operator; the source is read anyway (it costs one round of reads).
 */
HttpResponse IntakeHandler::handleShopHook(const HttpRequest &request, const QString &clientIp,
                                           const QString &source, const QByteArray &secret)
{
    if (auto refusal = checkShopHook(source, secret, clientIp))
        return *refusal;
    const QJsonDocument body = QJsonDocument::fromJson(request.body);
    const QJsonArray events = body.object().value(QLatin1String("events")).toArray();
    if (events.isEmpty()) {
        const QString why = QStringLiteral("Not a shop notification: no \"events\"");
        qCWarning(lcIntake) << "kept an unreadable webhook for source" << source;
        keepRejected(request, clientIp, QStringLiteral("shop:%1").arg(source), why);
    }
    qCInfo(lcIntake) << "webhook for source" << source << ":" << events.size() << "events; reading it now";
    const QJsonObject answer { { QStringLiteral("status"), QStringLiteral("reading") },
                               { QStringLiteral("events"), events.size() } };
    return { 200, QJsonDocument(answer).toJson(QJsonDocument::Compact), {} };
}

} // namespace Source::Intake
