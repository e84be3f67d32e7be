// SPDX-License-Identifier: GPL-3.0-or-later
#include "RetailApiClient.h"

#include "net/HttpClient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace Crm::RetailCrm {

using Common::Error;

RetailApiClient::RetailApiClient(Net::HttpClient *http, QUrl base)
    : m_http(http)
    , m_base(std::move(base))
{ }

QUrl RetailApiClient::url(const QString &path, const QUrlQuery &query) const
{
    QUrl u = m_base;
    QString basePath = u.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    u.setPath(basePath
              + (path.startsWith(QLatin1Char('/')) ? QStringLiteral("/api") + path
                                                   : QStringLiteral("/api/v5/") + path));
    if (!query.isEmpty())
        u.setQuery(query);
    return u;
}

QString RetailApiClient::json(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return value.toVariant().toString();
}

namespace {

Common::Result<QJsonObject> unwrap(Common::Result<Net::HttpResponse> answer)
{
    if (!answer)
        return RetailApiClient::envelopeError(answer.error());
    const QJsonObject body = answer->json().object();
    if (body.value(QLatin1String("success")).toBool(false))
        return body;
    // A 2xx without the envelope (a proxy page) or with success false is still a failure.
    Error e = Error::transient(QCoreApplication::translate("RetailCrm",
                                                           "RetailCRM answered without "
                                                           "\u201csuccess\u201d (HTTP %1)")
                                   .arg(answer->status),
                               QStringLiteral("bad-envelope"));
    if (body.contains(QLatin1String("errorMsg"))) {
        e = Error::permanent(body.value(QLatin1String("errorMsg")).toString(), QStringLiteral("refused"));
        e.details.insert(QStringLiteral("errors"), body.value(QLatin1String("errors")));
        e.details.insert(QStringLiteral("response"), body);
        e = RetailApiClient::envelopeError(e);
    }
    e.httpStatus = answer->status;
    return e;
}

} // namespace

void RetailApiClient::get(const QString &path, const QUrlQuery &query, JsonCallback done,
                          const RetailCallMeta &meta)
{
    Net::HttpRequest request;
    request.method = "GET";
    request.url = url(path, query);
    request.authenticated = false;
    request.headers.append({ "X-API-KEY", m_key.toUtf8() });
    request.keys = meta.keys;
    request.jobId = meta.jobId;
    request.jobIds = meta.jobIds;
    m_http->send(request,
                 [done](Common::Result<Net::HttpResponse> answer) { done(unwrap(std::move(answer))); });
}

void RetailApiClient::post(const QString &path, const Fields &fields, JsonCallback done,
                           const RetailCallMeta &meta)
{
    Net::HttpRequest request;
    request.method = "POST";
    request.url = url(path, {});
    request.authenticated = false;
    request.contentType = "application/x-www-form-urlencoded";
    request.headers.append({ "X-API-KEY", m_key.toUtf8() });
    QByteArray body;
    for (const auto &[name, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    request.body = body;
    request.idempotent = meta.idempotent;
    request.keys = meta.keys;
    request.jobId = meta.jobId;
    request.jobIds = meta.jobIds;
    m_http->send(request,
                 [done](Common::Result<Net::HttpResponse> answer) { done(unwrap(std::move(answer))); });
}

QString RetailApiClient::ourFieldName(const QString &crmPath)
{
    static const QList<QPair<QString, QString>> names {
        { QStringLiteral("externalId"), QStringLiteral("order.num") },
        { QStringLiteral("number"), QStringLiteral("order.num") },
        { QStringLiteral("status"), QStringLiteral("order.status") },
        { QStringLiteral("delivery.code"), QStringLiteral("order.delivery") },
        { QStringLiteral("delivery.cost"), QStringLiteral("order.delivery_cost") },
        { QStringLiteral("delivery.address"), QStringLiteral("address.full") },
        { QStringLiteral("customer.externalId"), QStringLiteral("customer.id") },
        { QStringLiteral("customer.id"), QStringLiteral("customer") },
        { QStringLiteral("email"), QStringLiteral("customer.email") },
        { QStringLiteral("phone"), QStringLiteral("customer.phone") },
        { QStringLiteral("phones"), QStringLiteral("customer.phone") },
        { QStringLiteral("firstName"), QStringLiteral("customer.name") },
        { QStringLiteral("lastName"), QStringLiteral("customer.name") },
        { QStringLiteral("customerComment"), QStringLiteral("order.comment") },
        { QStringLiteral("weight"), QStringLiteral("order.weight") },
        { QStringLiteral("site"), QStringLiteral("connection.site") },
    };
    for (const auto &[crm, ours] : names) {
        if (crmPath == crm)
            return ours;
    }
    static const QRegularExpression item(QStringLiteral(R"(^items\[(\d+)\]\.?(.*)$)"));
    if (const auto m = item.match(crmPath); m.hasMatch())
        return QStringLiteral("order.products[%1]%2")
            .arg(m.captured(1), m.captured(2).isEmpty() ? QString() : QLatin1Char('.') + m.captured(2));
    static const QRegularExpression payment(QStringLiteral(R"(^payments?(\[\d+\])?\.type$)"));
    if (payment.match(crmPath).hasMatch())
        return QStringLiteral("order.payment");
    if (crmPath.startsWith(QLatin1String("payment")))
        return QStringLiteral("order.payment_status");
    if (crmPath.startsWith(QLatin1String("customFields.")))
        return QStringLiteral("field:") + crmPath.mid(13);
    return crmPath;
}

Error RetailApiClient::envelopeError(const Error &error)
{
    Error e = error;
    const QJsonValue errors = error.details.value(QLatin1String("errors"));
    QJsonObject ours;
    QStringList parts;
    if (errors.isObject()) {
        const QJsonObject byField = errors.toObject();
        for (auto it = byField.begin(); it != byField.end(); ++it) {
            const QString name = ourFieldName(it.key());
            const QString text = it.value().isString() ? it.value().toString() : json(it.value());
            ours.insert(name, text);
            parts << QStringLiteral("%1: %2").arg(name, text);
        }
        e.details.insert(QStringLiteral("crm_fields"), byField);
        e.details.insert(QStringLiteral("fields"), ours);
    } else if (errors.isArray()) {
        for (const QJsonValue &v : errors.toArray())
            parts << (v.isString() ? v.toString() : json(v));
    }
    if (!parts.isEmpty()) {
        e.message = e.message.isEmpty() ? parts.join(QLatin1String("; "))
                                        : e.message + QLatin1String(": ") + parts.join(QLatin1String("; "));
        if (e.kind == Common::ErrorKind::Permanent && e.httpStatus == 400)
            e.code = QStringLiteral("validation");
    }
    if (e.httpStatus == 404 && e.kind == Common::ErrorKind::Permanent) {
        e.kind = Common::ErrorKind::NotFound;
        e.code = QStringLiteral("not-found");
    }
    return e;
}

} // namespace Crm::RetailCrm
