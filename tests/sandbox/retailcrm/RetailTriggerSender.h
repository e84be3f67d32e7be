// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>

class QNetworkAccessManager;

namespace Sandbox::RetailCrm {

/**
 * The "order status changed" trigger with an HTTP action, as shops configure it for modRetailCRM:
 * on every status change (API or manager) it POSTs form fields `retailCRM_action=change_status`,
 * `status`, `order_id` (the externalId), `order_number`, `site` plus configured extra fields to one
 * URL, once, without retries (reference A.6). Lives on the server thread, a child of RetailServer.
 */
class RetailTriggerSender : public QObject
{
    Q_OBJECT
public:
    explicit RetailTriggerSender(QObject *parent = nullptr);

    /** An empty @p url switches the trigger off. */
    void configure(const QString &url, const QJsonObject &extraFields);
    void clear();
    void statusChanged(const QJsonObject &order, const QString &status);
    QJsonObject toJson() const;

private:
    QNetworkAccessManager *m_network = nullptr;
    QString m_url;
    QJsonObject m_extra;
    QJsonArray m_log;
    int m_timeoutMs = 2000;
};

} // namespace Sandbox::RetailCrm
