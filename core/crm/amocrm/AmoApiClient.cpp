// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmoApiClient.h"

#include "net/HttpClient.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Crm::AmoCrm {

namespace {

Common::Result<QJsonValue> toJson(const Net::HttpResponse &response)
{
    if (response.isEmpty())
        return QJsonValue(QJsonValue::Undefined);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(response.body, &error);
    if (error.error != QJsonParseError::NoError)
        return Common::Error::transient(
            QStringLiteral("amoCRM answered HTTP %1 with a body that is not JSON").arg(response.status),
            QStringLiteral("bad-json"));
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

} // namespace

AmoApiClient::AmoApiClient(Net::HttpClient *http, std::function<QUrl()> accountBase)
    : m_http(http)
    , m_base(std::move(accountBase))
{ }

QUrl AmoApiClient::url(const QString &path, const QUrlQuery &query) const
{
    QUrl url(m_base().toString(QUrl::StripTrailingSlash) + path);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

void AmoApiClient::get(const QString &path, const QUrlQuery &query, JsonCallback done, const CallMeta &meta)
{
    Net::HttpRequest request;
    request.url = url(path, query);
    request.keys = meta.keys;
    request.jobId = meta.jobId;
    request.jobIds = meta.jobIds;
    m_http->send(std::move(request), [done = std::move(done)](Common::Result<Net::HttpResponse> r) {
        done(r ? toJson(r.value()) : Common::Result<QJsonValue>(r.error()));
    });
}

void AmoApiClient::send(const QByteArray &method, const QString &path, const QJsonValue &body,
                        JsonCallback done, const CallMeta &meta)
{
    Net::HttpRequest request;
    request.method = method;
    request.url = url(path);
    request.body = body.isArray() ? QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact)
                                  : QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    request.keys = meta.keys;
    request.jobId = meta.jobId;
    request.jobIds = meta.jobIds;
    request.idempotent = meta.idempotent;
    m_http->send(std::move(request), [done = std::move(done)](Common::Result<Net::HttpResponse> r) {
        done(r ? toJson(r.value()) : Common::Result<QJsonValue>(r.error()));
    });
}

QJsonArray AmoApiClient::embedded(const QJsonValue &answer, const QString &key)
{
    return answer.toObject().value(QStringLiteral("_embedded")).toObject().value(key).toArray();
}

void AmoApiClient::listAll(const QString &path, QUrlQuery query, const QString &key, ListCallback done,
                           int maxPages)
{
    if (!query.hasQueryItem(QStringLiteral("limit")))
        query.addQueryItem(QStringLiteral("limit"), QString::number(kMaxPage));
    collect(url(path, query), key, {}, maxPages, std::move(done));
}

void AmoApiClient::collect(const QUrl &pageUrl, const QString &key, QJsonArray soFar, int pagesLeft,
                           ListCallback done)
{
    Net::HttpRequest request;
    request.url = pageUrl;
    m_http->send(std::move(request),
                 [this, key, soFar, pagesLeft, done](Common::Result<Net::HttpResponse> r) mutable {
                     if (!r) {
                         done(r.error());
                         return;
                     }
                     auto json = toJson(r.value());
                     if (!json) {
                         done(json.error());
                         return;
                     }
                     for (const QJsonValue &item : embedded(json.value(), key))
                         soFar.append(item);
                     const QString next = json->toObject()
                                              .value("_links")
                                              .toObject()
                                              .value("next")
                                              .toObject()
                                              .value("href")
                                              .toString();
                     if (next.isEmpty() || pagesLeft <= 1) {
                         done(soFar);
                         return;
                     }
                     // Follow the server's link but keep our own host: a HAL href may name the public host.
                     QUrl nextUrl(next);
                     QUrl base = m_base();
                     nextUrl.setScheme(base.scheme());
                     nextUrl.setHost(base.host());
                     nextUrl.setPort(base.port());
                     collect(nextUrl, key, soFar, pagesLeft - 1, done);
                 });
}

void AmoApiClient::account(const QStringList &with, JsonCallback done)
{
    QUrlQuery query;
    if (!with.isEmpty())
        query.addQueryItem(QStringLiteral("with"), with.join(QLatin1Char(',')));
    get(QStringLiteral("/api/v4/account"), query, std::move(done));
}

void AmoApiClient::users(ListCallback done)
{
    listAll(QStringLiteral("/api/v4/users"), {}, QStringLiteral("users"), std::move(done));
}

void AmoApiClient::user(qint64 id, JsonCallback done)
{
    get(QStringLiteral("/api/v4/users/%1").arg(id), {}, std::move(done));
}

void AmoApiClient::pipelines(ListCallback done)
{
    get(QStringLiteral("/api/v4/leads/pipelines"), {},
        [done = std::move(done)](Common::Result<QJsonValue> r) {
            done(r ? Common::Result<QJsonArray>(embedded(r.value(), QStringLiteral("pipelines")))
                   : Common::Result<QJsonArray>(r.error()));
        });
}

void AmoApiClient::customFields(const QString &entity, ListCallback done)
{
    // Custom field lists take at most 50 a page (the others 250).
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("50"));
    listAll(QStringLiteral("/api/v4/%1/custom_fields").arg(entity), query, QStringLiteral("custom_fields"),
            std::move(done));
}

void AmoApiClient::createCustomFields(const QString &entity, const QJsonArray &fields, JsonCallback done)
{
    send("POST", QStringLiteral("/api/v4/%1/custom_fields").arg(entity), fields, std::move(done));
}

void AmoApiClient::contactsPage(const QUrlQuery &query, JsonCallback done)
{
    get(QStringLiteral("/api/v4/contacts"), query, std::move(done));
}

void AmoApiClient::createContacts(const QJsonArray &contacts, JsonCallback done, const CallMeta &meta)
{
    CallMeta m = meta;
    m.idempotent = false;
    send("POST", QStringLiteral("/api/v4/contacts"), contacts, std::move(done), m);
}

void AmoApiClient::updateContacts(const QJsonArray &contacts, JsonCallback done, const CallMeta &meta)
{
    send("PATCH", QStringLiteral("/api/v4/contacts"), contacts, std::move(done), meta);
}

void AmoApiClient::leadsPage(const QUrlQuery &query, JsonCallback done, const CallMeta &meta)
{
    get(QStringLiteral("/api/v4/leads"), query, std::move(done), meta);
}

void AmoApiClient::leadsComplex(const QJsonArray &leads, JsonCallback done, const CallMeta &meta)
{
    CallMeta m = meta;
    m.idempotent = false;
    send("POST", QStringLiteral("/api/v4/leads/complex"), leads, std::move(done), m);
}

void AmoApiClient::addUnsortedForms(const QJsonArray &items, JsonCallback done, const CallMeta &meta)
{
    CallMeta m = meta;
    m.idempotent = false;
    send("POST", QStringLiteral("/api/v4/leads/unsorted/forms"), items, std::move(done), m);
}

void AmoApiClient::createLeads(const QJsonArray &leads, JsonCallback done, const CallMeta &meta)
{
    CallMeta m = meta;
    m.idempotent = false;
    send("POST", QStringLiteral("/api/v4/leads"), leads, std::move(done), m);
}

void AmoApiClient::updateLeads(const QJsonArray &leads, JsonCallback done, const CallMeta &meta)
{
    send("PATCH", QStringLiteral("/api/v4/leads"), leads, std::move(done), meta);
}

void AmoApiClient::addNotes(const QString &entity, const QJsonArray &notes, JsonCallback done,
                            const CallMeta &meta)
{
    CallMeta m = meta;
    m.idempotent = false;
    send("POST", QStringLiteral("/api/v4/%1/notes").arg(entity), notes, std::move(done), m);
}

void AmoApiClient::tags(const QString &entity, ListCallback done)
{
    listAll(QStringLiteral("/api/v4/%1/tags").arg(entity), {}, QStringLiteral("tags"), std::move(done));
}

void AmoApiClient::addTags(const QString &entity, const QJsonArray &tags, JsonCallback done)
{
    send("POST", QStringLiteral("/api/v4/%1/tags").arg(entity), tags, std::move(done));
}

void AmoApiClient::events(const QUrlQuery &query, JsonCallback done)
{
    get(QStringLiteral("/api/v4/events"), query, std::move(done));
}

void AmoApiClient::webhooks(ListCallback done)
{
    get(QStringLiteral("/api/v4/webhooks"), {}, [done = std::move(done)](Common::Result<QJsonValue> r) {
        done(r ? Common::Result<QJsonArray>(embedded(r.value(), QStringLiteral("webhooks")))
               : Common::Result<QJsonArray>(r.error()));
    });
}

void AmoApiClient::registerWebhook(const QString &destination, const QStringList &settings, JsonCallback done)
{
    send("POST", QStringLiteral("/api/v4/webhooks"),
         QJsonObject { { "destination", destination }, { "settings", QJsonArray::fromStringList(settings) } },
         std::move(done));
}

void AmoApiClient::deleteWebhook(const QString &destination, JsonCallback done)
{
    send("DELETE", QStringLiteral("/api/v4/webhooks"), QJsonObject { { "destination", destination } },
         std::move(done));
}

void AmoApiClient::catalogElements(qint64 catalogId, const QUrlQuery &query, JsonCallback done)
{
    get(QStringLiteral("/api/v4/catalogs/%1/elements").arg(catalogId), query, std::move(done));
}

void AmoApiClient::catalogs(ListCallback done)
{
    listAll(QStringLiteral("/api/v4/catalogs"), {}, QStringLiteral("catalogs"), std::move(done));
}

void AmoApiClient::addCatalogs(const QJsonArray &catalogs, JsonCallback done)
{
    send("POST", QStringLiteral("/api/v4/catalogs"), catalogs, std::move(done),
         CallMeta { {}, {}, false, {} });
}

void AmoApiClient::addCatalogElements(qint64 catalogId, const QJsonArray &elements, JsonCallback done,
                                      const CallMeta &meta)
{
    CallMeta m = meta;
    m.idempotent = false;
    send("POST", QStringLiteral("/api/v4/catalogs/%1/elements").arg(catalogId), elements, std::move(done), m);
}

void AmoApiClient::updateCatalogElements(qint64 catalogId, const QJsonArray &elements, JsonCallback done,
                                         const CallMeta &meta)
{
    send("PATCH", QStringLiteral("/api/v4/catalogs/%1/elements").arg(catalogId), elements, std::move(done),
         meta);
}

void AmoApiClient::deleteCatalogElements(qint64 catalogId, const QJsonArray &ids, JsonCallback done,
                                         const CallMeta &meta)
{
    send("DELETE", QStringLiteral("/api/v4/catalogs/%1/elements").arg(catalogId), ids, std::move(done), meta);
}

void AmoApiClient::linkLeads(const QJsonArray &links, JsonCallback done, const CallMeta &meta)
{
    send("POST", QStringLiteral("/api/v4/leads/link"), links, std::move(done), meta);
}

void AmoApiClient::linkLead(qint64 leadId, const QJsonArray &links, JsonCallback done, const CallMeta &meta)
{
    send("POST", QStringLiteral("/api/v4/leads/%1/link").arg(leadId), links, std::move(done), meta);
}

void AmoApiClient::customersPage(const QUrlQuery &query, JsonCallback done)
{
    get(QStringLiteral("/api/v4/customers"), query, std::move(done));
}

void AmoApiClient::addCustomers(const QJsonArray &customers, JsonCallback done, const CallMeta &meta)
{
    CallMeta m = meta;
    m.idempotent = false;
    send("POST", QStringLiteral("/api/v4/customers"), customers, std::move(done), m);
}

void AmoApiClient::transactions(qint64 customerId, JsonCallback done)
{
    get(QStringLiteral("/api/v4/customers/%1/transactions").arg(customerId), {}, std::move(done));
}

void AmoApiClient::addTransactions(qint64 customerId, const QJsonArray &transactions, JsonCallback done,
                                   const CallMeta &meta)
{
    CallMeta m = meta;
    m.idempotent = false;
    send("POST", QStringLiteral("/api/v4/customers/%1/transactions").arg(customerId), transactions,
         std::move(done), m);
}

} // namespace Crm::AmoCrm
