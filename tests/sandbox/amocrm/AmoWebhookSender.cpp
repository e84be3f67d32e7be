// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmoWebhookSender.h"

#include "common/SandboxClock.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>

namespace Sandbox::AmoCrm {

namespace {

constexpr int kTimeoutStatus = 499;
const qint64 kRetryDelays[] = { 5 * 60, 15 * 60, 15 * 60, 60 * 60 };

bool isValid(int status)
{
    return status >= 100 && status <= 299;
}

} // namespace

AmoWebhookSender::AmoWebhookSender(SandboxClock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{ }

qint64 AmoWebhookSender::retryDelaySecs(int attempt, int status)
{
    if (isValid(status) || attempt < 1 || attempt > 4)
        return -1;
    if (attempt >= 3 && !(status == 499 || status >= 500))
        return -1;
    return kRetryDelays[attempt - 1];
}

QNetworkAccessManager *AmoWebhookSender::network()
{
    if (!m_network) {
        m_network = new QNetworkAccessManager(this);
        m_network->setProxy(QNetworkProxy::NoProxy);
    }
    return m_network;
}

void AmoWebhookSender::send(const Target &target, const QByteArray &body, const QString &event)
{
    const int id = m_nextId++;
    m_deliveries.insert(id, Delivery { target, body, event, 0, 0 });
    attempt(id);
}

void AmoWebhookSender::attempt(int deliveryId)
{
    auto it = m_deliveries.find(deliveryId);
    if (it == m_deliveries.end())
        return;
    it->retryTask = 0;
    if (isActive && !isActive(it->target)) {
        m_deliveries.erase(it);
        return;
    }
    ++it->attempt;
    QNetworkRequest request { QUrl(it->target.destination) };
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("amoCRM-Webhooks/3.0"));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_timeoutMs);
    QNetworkReply *reply = network()->post(request, it->body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, deliveryId] {
        reply->deleteLater();
        int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 0
            && (reply->error() == QNetworkReply::OperationCanceledError
                || reply->error() == QNetworkReply::TimeoutError))
            status = kTimeoutStatus;
        finishAttempt(deliveryId, status);
    });
}

void AmoWebhookSender::finishAttempt(int deliveryId, int status)
{
    auto it = m_deliveries.find(deliveryId);
    if (it == m_deliveries.end())
        return;
    const bool valid = isValid(status);
    const qint64 delay = retryDelaySecs(it->attempt, status);
    const qint64 now = m_clock->nowMs();
    QJsonObject entry { { "delivery_id", deliveryId },
                        { "account", it->target.account },
                        { "webhook_id", it->target.webhookId },
                        { "destination", it->target.destination },
                        { "event", it->event },
                        { "attempt", it->attempt },
                        { "status", status },
                        { "valid", valid },
                        { "at", now / 1000 } };
    if (delay >= 0)
        entry.insert("next_attempt_at", now / 1000 + delay);
    m_log.append(entry);
    const Target target = it->target;
    if (delay >= 0)
        it->retryTask = m_clock->callAt(now + delay * 1000, [this, deliveryId] { attempt(deliveryId); });
    else
        m_deliveries.erase(it);
    if (attemptFinished)
        attemptFinished(target, valid);
}

QJsonArray AmoWebhookSender::log() const
{
    return m_log;
}

int AmoWebhookSender::pendingRetries() const
{
    int n = 0;
    for (const Delivery &d : m_deliveries) {
        if (d.retryTask)
            ++n;
    }
    return n;
}

void AmoWebhookSender::clear()
{
    for (const Delivery &d : std::as_const(m_deliveries)) {
        if (d.retryTask)
            m_clock->cancel(d.retryTask);
    }
    m_deliveries.clear();
    m_log = QJsonArray();
}

} // namespace Sandbox::AmoCrm
