// SPDX-License-Identifier: GPL-3.0-or-later
#include "MoySkladWebhookSender.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QUuid>

namespace Sandbox::MoySklad {

namespace {
constexpr int kAttempts = 4; // the first delivery and three immediate retries
}

MoySkladWebhookSender::MoySkladWebhookSender(MoySkladStore &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{ }

void MoySkladWebhookSender::dispatch(const QList<EntityChange> &changes, const QStringList &mutedPrefixes,
                                     const QString &uid)
{
    for (const QJsonObject &hook : m_store.rows("webhook")) {
        if (!hook.value("enabled").toBool(true))
            continue;
        const QString url = hook.value("url").toString();
        bool muted = false;
        for (const QString &prefix : mutedPrefixes)
            muted = muted || url.startsWith(prefix);
        if (muted)
            continue;
        QJsonArray events;
        for (const EntityChange &change : changes) {
            if (change.type != hook.value("entityType").toString()
                || change.action != hook.value("action").toString())
                continue;
            QJsonObject event { { "meta",
                                  QJsonObject { { "type", change.type },
                                                { "href", m_store.href(change.type, change.id) } } },
                                { "action", change.action },
                                { "accountId", QStringLiteral("1f2a3b4c-0000-4000-8000-00000000acc1") } };
            if (change.action == QLatin1String("UPDATE")
                && hook.value("diffType").toString() == QLatin1String("FIELDS"))
                event.insert("updatedFields", QJsonArray::fromStringList(change.updatedFields));
            events.append(event);
        }
        if (events.isEmpty())
            continue;
        const QString auditId = m_store.newId();
        const QJsonObject body {
            { "auditContext",
              QJsonObject {
                  { "meta",
                    QJsonObject { { "type", "audit" },
                                  { "href", m_store.apiUrl() + QStringLiteral("/audit/") + auditId } } },
                  { "moment", m_store.now().left(19) },
                  { "uid", uid } } },
            { "events", events }
        };
        attempt(url, QJsonDocument(body).toJson(QJsonDocument::Compact), m_store.newId(), 1);
    }
}

void MoySkladWebhookSender::attempt(const QString &url, const QByteArray &body, const QString &requestId,
                                    int number)
{
    if (!m_network) {
        // Created on first use so it lives on the server thread.
        m_network = new QNetworkAccessManager(this);
        m_network->setProxy(QNetworkProxy::NoProxy);
    }
    QUrl target(url);
    QString query = target.query();
    target.setQuery((query.isEmpty() ? QString() : query + '&') + QStringLiteral("requestId=") + requestId);
    QNetworkRequest request(target);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    request.setTransferTimeout(timeoutMs);
    auto *timer = new QElapsedTimer;
    timer->start();
    QNetworkReply *reply = m_network->post(request, body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, timer, url, body, requestId, number] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const qint64 ms = timer->elapsed();
        delete timer;
        reply->deleteLater();
        const bool delivered
            = reply->error() == QNetworkReply::NoError && (status == 200 || status == 204) && ms <= timeoutMs;
        m_log.append(QJsonObject { { "url", url },
                                   { "request_id", requestId },
                                   { "attempt", number },
                                   { "status", status },
                                   { "ms", ms },
                                   { "delivered", delivered },
                                   { "body", QString::fromUtf8(body) } });
        if (!delivered && number < kAttempts)
            attempt(url, body, requestId, number + 1);
    });
}

} // namespace Sandbox::MoySklad
