// SPDX-License-Identifier: GPL-3.0-or-later
#include "RetailReferenceApi.h"

#include "RetailStore.h"
#include "common/QueryParams.h"

namespace Sandbox::RetailCrm {

namespace {

QJsonObject toObject(const QMap<QString, QJsonObject> &dict, const QStringList &onlySites = {})
{
    QJsonObject out;
    for (auto it = dict.begin(); it != dict.end(); ++it) {
        if (onlySites.isEmpty() || onlySites.contains(it.key()))
            out.insert(it.key(), it.value());
    }
    return out;
}

} // namespace

RetailReferenceApi::RetailReferenceApi(RetailStore &store, RetailRouter &router)
    : m_store(store)
{
    const QList<QPair<QString, QPair<const char *, QMap<QString, QJsonObject> RetailStore::*>>> dictionaries {
        { "statuses", { "statuses", &RetailStore::statuses } },
        { "status-groups", { "statusGroups", &RetailStore::statusGroups } },
        { "order-types", { "orderTypes", &RetailStore::orderTypes } },
        { "order-methods", { "orderMethods", &RetailStore::orderMethods } },
        { "delivery-types", { "deliveryTypes", &RetailStore::deliveryTypes } },
        { "payment-types", { "paymentTypes", &RetailStore::paymentTypes } },
        { "payment-statuses", { "paymentStatuses", &RetailStore::paymentStatuses } },
    };
    for (const auto &[path, spec] : dictionaries) {
        const QString key = QLatin1String(spec.first);
        const auto member = spec.second;
        router.add("GET", QStringLiteral("/api/v5/reference/") + path, [this, key, member](RetailCall &) {
            return Reply::ok({ { key, toObject(m_store.*member) } });
        });
    }
    router.add("GET", "/api/v5/reference/sites", [this](RetailCall &c) {
        return Reply::ok({ { "sites", toObject(m_store.sites, c.sites) } });
    });
    router.add("GET", "/api/v5/store/products", [this](RetailCall &c) { return products(c); });
    router.add("GET", "/api/credentials", [this](RetailCall &c) { return credentials(c); });
    router.add("GET", "/api/v5/credentials", [this](RetailCall &c) { return credentials(c); });
    router.add("GET", "/api/api-versions", [](RetailCall &) {
        return Reply::ok({ { "versions", QJsonArray { "3.0", "4.0", "5.0" } } });
    });
}

HttpResponse RetailReferenceApi::credentials(RetailCall &call)
{
    // The methods this key may call: every route the sandbox knows (a full-rights key).
    static const QStringList methods { "/api/v5/customers",
                                       "/api/v5/customers/create",
                                       "/api/v5/customers/{externalId}/edit",
                                       "/api/v5/customers/upload",
                                       "/api/v5/orders",
                                       "/api/v5/orders/create",
                                       "/api/v5/orders/{externalId}/edit",
                                       "/api/v5/orders/upload",
                                       "/api/v5/orders/history",
                                       "/api/v5/orders/statuses",
                                       "/api/v5/orders/payments/create",
                                       "/api/v5/orders/payments/{id}/edit",
                                       "/api/v5/reference/*",
                                       "/api/v5/custom-fields",
                                       "/api/v5/custom-fields/{entity}/create",
                                       "/api/v5/users" };
    // A full-access key's answer has no sitesAvailable (api-client-php ApiTest::testCredentials): a client
    // checks its site against reference/sites instead.
    QJsonObject answer { { "credentials", QJsonArray::fromStringList(methods) },
                         { "siteAccess", call.fullAccess ? "access_full" : "access_selective" } };
    if (!call.fullAccess)
        answer.insert("sitesAvailable", QJsonArray::fromStringList(call.sites));
    return Reply::ok(answer);
}

HttpResponse RetailReferenceApi::products(RetailCall &call)
{
    // The catalogue holds offers only; each offer stands for a product of its own (productId = id).
    const QJsonObject f = call.filter();
    const QStringList externalIds = listParam(f.value("externalId"));
    const QStringList xmlIds = listParam(f.value("xmlId"));
    const QStringList offerExternalIds = listParam(f.value("offerExternalId"));
    QJsonArray all;
    for (const QJsonObject &o : std::as_const(m_store.offers)) {
        const QString externalId = o.value("externalId").toString();
        if ((!externalIds.isEmpty()
             && !externalIds.contains(o.value("productExternalId").toString(externalId)))
            || (!xmlIds.isEmpty() && !xmlIds.contains(o.value("xmlId").toString()))
            || (!offerExternalIds.isEmpty() && !offerExternalIds.contains(externalId)))
            continue;
        QJsonObject offer { { "id", o.value("id") },        { "externalId", externalId },
                            { "xmlId", o.value("xmlId") },  { "name", o.value("name") },
                            { "price", o.value("price") },  { "quantity", o.value("quantity").toDouble(10) },
                            { "properties", QJsonObject() } };
        all.append(QJsonObject { { "id", o.value("id") },
                                 { "externalId", o.value("productExternalId").toString(externalId) },
                                 { "article", o.value("article") },
                                 { "name", o.value("name") },
                                 { "active", true },
                                 { "quantity", offer.value("quantity") },
                                 { "groups", QJsonArray() },
                                 { "offers", QJsonArray { offer } } });
    }
    QJsonArray page;
    QJsonObject pagination;
    HttpResponse error;
    if (!paginate(call, all, &page, &pagination, &error))
        return error;
    return Reply::ok({ { "pagination", pagination }, { "products", page } });
}

} // namespace Sandbox::RetailCrm
