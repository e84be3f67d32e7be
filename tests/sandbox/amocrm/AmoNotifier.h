// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AmoWebhookSender.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <functional>

namespace Sandbox::AmoCrm {

class AmoContext;
struct AmoAccount;

/**
 * The change feed: turns entity changes (by the API or "by a manager") into audit events and into
 * webhook deliveries in amoCRM's legacy form-encoded shape, and applies the webhook auto-disable rule
 * (more than 100 invalid answers in 2 h). Owned by AmoContext; server thread only.
 */
class AmoNotifier
{
public:
    explicit AmoNotifier(AmoContext &context);

    /** @p type is the plural API name: "leads", "contacts", "companies", "customers". */
    void entityAdded(AmoAccount &account, const QString &type, const QJsonObject &entity, qint64 by);
    void entityUpdated(AmoAccount &account, const QString &type, const QJsonObject &before,
                       const QJsonObject &after, qint64 by);
    void noteAdded(AmoAccount &account, const QJsonObject &note, qint64 by);
    void addEvent(AmoAccount &account, const QString &type, const QString &entityType, qint64 entityId,
                  const QJsonArray &before, const QJsonArray &after, qint64 by);

    void webhookAttemptFinished(const AmoWebhookSender::Target &target, bool valid);
    bool webhookActive(const AmoWebhookSender::Target &target);
    void setDisableThreshold(int invalidCount) { m_disableThreshold = invalidCount; }
    int disableThreshold() const { return m_disableThreshold; }
    /** Forgets the invalid-answer history (after a reset webhook ids start over). */
    void clear() { m_invalidAt.clear(); }

    static QString singular(const QString &type);

private:
    using Fields = QList<QPair<QString, QString>>;
    /** Posts to the webhooks subscribed to @p setting; @p fields is built only when there is one. */
    void dispatch(AmoAccount &account, const QString &setting, const QString &prefix,
                  const std::function<Fields()> &fields);
    Fields entityFields(AmoAccount &account, const QString &type, const QJsonObject &entity) const;
    QString nextEventId();

    AmoContext &m_context;
    int m_disableThreshold = 100;
    quint32 m_eventSeq = 0;
    QHash<QString, QList<qint64>> m_invalidAt; ///< "sub/webhookId" -> times of invalid answers (ms)
};

} // namespace Sandbox::AmoCrm
