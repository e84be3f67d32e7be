// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QList>
#include <QMap>
#include <QObject>
#include <functional>

class QNetworkAccessManager;

namespace Sandbox {
class SandboxClock;
}

namespace Sandbox::AmoCrm {

/**
 * Delivers webhook POSTs the way amoCRM does: application/x-www-form-urlencoded, a 2 s deadline, a
 * valid answer is HTTP 100–299. Failed deliveries are retried after 5 min, 15 min, 15 min and 1 h of
 * sandbox time: the 2nd and 3rd attempts follow any invalid answer, the 4th and 5th only a 499 or 5xx.
 * A timeout counts as 499 and a refused connection as 0. Lives on the server thread.
 */
class AmoWebhookSender : public QObject
{
    Q_OBJECT
public:
    struct Target
    {
        QString account;
        qint64 webhookId = 0;
        QString destination;
    };

    explicit AmoWebhookSender(SandboxClock *clock, QObject *parent = nullptr);

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    void send(const Target &target, const QByteArray &body, const QString &event);
    /** Every attempt so far, oldest first. */
    QJsonArray log() const;
    int pendingRetries() const;
    void clear();

    /** Asked before each attempt; a deleted or disabled webhook gets no more deliveries. */
    std::function<bool(const Target &)> isActive;
    /** Told about each attempt's outcome (for the auto-disable rule). */
    std::function<void(const Target &, bool valid)> attemptFinished;

    /** Seconds to wait before the next attempt after attempt number @p attempt ended with @p status, or -1.
     */
    static qint64 retryDelaySecs(int attempt, int status);

private:
    struct Delivery
    {
        Target target;
        QByteArray body;
        QString event;
        int attempt = 0;
        quint64 retryTask = 0;
    };

    void attempt(int deliveryId);
    void finishAttempt(int deliveryId, int status);
    QNetworkAccessManager *network();

    SandboxClock *m_clock;
    QNetworkAccessManager *m_network = nullptr;
    int m_timeoutMs = 2000;
    int m_nextId = 1;
    QMap<int, Delivery> m_deliveries;
    QJsonArray m_log;
};

} // namespace Sandbox::AmoCrm
