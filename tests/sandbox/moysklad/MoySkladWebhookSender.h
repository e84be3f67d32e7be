// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "MoySkladStore.h"

#include <QJsonArray>
#include <QObject>

class QNetworkAccessManager;

namespace Sandbox::MoySklad {

/**
 * Delivers webhook notifications as MoySklad does (reference B.6): one `POST <url>?requestId=<uuid>`
 * per webhook per write with the events it matches (hrefs only, `updatedFields` for diffType FIELDS),
 * the receiver given `timeoutMs` to answer 200 or 204, then three more attempts at once with the same
 * requestId, then the notification is dropped. Webhooks whose URL starts with a prefix the write sent
 * in `X-Lognex-WebHook-DisableByPrefix` stay silent. Keeps a log of attempts for the control API.
 * Lives on the server thread.
 */
class MoySkladWebhookSender : public QObject
{
    Q_OBJECT
public:
    MoySkladWebhookSender(MoySkladStore &store, QObject *parent = nullptr);

    /** Sends what @p changes mean to every enabled matching webhook not muted by @p mutedPrefixes. */
    void dispatch(const QList<EntityChange> &changes, const QStringList &mutedPrefixes, const QString &uid);
    QJsonArray log() const { return m_log; }
    void clear() { m_log = {}; }
    int timeoutMs = 1500;

private:
    void attempt(const QString &url, const QByteArray &body, const QString &requestId, int number);

    MoySkladStore &m_store;
    QNetworkAccessManager *m_network = nullptr;
    QJsonArray m_log;
};

} // namespace Sandbox::MoySklad
