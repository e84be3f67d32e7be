// SPDX-License-Identifier: GPL-3.0-or-later
#include "RetailTriggerSender.h"

#include "common/HttpTypes.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace Sandbox::RetailCrm {

RetailTriggerSender::RetailTriggerSender(QObject *parent)
    : QObject(parent)
{ }

void RetailTriggerSender::configure(const QString &url, const QJsonObject &extraFields)
{
    m_url = url;
    m_extra = extraFields;
}

void RetailTriggerSender::clear()
{
    m_url.clear();
    m_extra = {};
    m_log = {};
}

void RetailTriggerSender::statusChanged(const QJsonObject &order, const QString &status)
{
    if (m_url.isEmpty())
        return;
    if (!m_network) {
        // Created on first use so it lives on the server thread, not where RetailServer was built.
        m_network = new QNetworkAccessManager(this);
        m_network->setProxy(QNetworkProxy::NoProxy);
    }
    QList<QPair<QString, QString>> fields { { "retailCRM_action", "change_status" },
                                            { "status", status },
                                            { "order_id", order.value("externalId").toString() },
                                            { "order_number", order.value("number").toString() },
                                            { "site", order.value("site").toString() } };
    for (auto it = m_extra.begin(); it != m_extra.end(); ++it)
        fields.append({ it.key(), it.value().toVariant().toString() });
    QNetworkRequest request { QUrl(m_url) };
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_timeoutMs);
    const qsizetype index = m_log.size();
    QJsonObject entry { { "url", m_url },
                        { "order_id", order.value("id") },
                        { "status", status },
                        { "http_status", QJsonValue() } };
    m_log.append(entry);
    QNetworkReply *reply = m_network->post(request, formEncode(fields));
    connect(reply, &QNetworkReply::finished, this, [this, reply, index, entry]() mutable {
        reply->deleteLater();
        entry.insert("http_status", reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
        if (index < m_log.size())
            m_log[index] = entry;
    });
}

QJsonObject RetailTriggerSender::toJson() const
{
    return QJsonObject { { "url", m_url }, { "extra", m_extra }, { "deliveries", m_log } };
}

} // namespace Sandbox::RetailCrm
