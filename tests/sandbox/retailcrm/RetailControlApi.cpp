// SPDX-License-Identifier: GPL-3.0-or-later
#include "RetailControlApi.h"

#include "RetailCustomFields.h"
#include "RetailCustomersApi.h"
#include "RetailOrderModel.h"
#include "RetailSeed.h"
#include "RetailStore.h"
#include "RetailTriggerSender.h"
#include "common/ControlReplies.h"
#include "common/SandboxClock.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Sandbox::RetailCrm {

using Control::bad;
using Control::ok;
using Control::values;

RetailControlApi::RetailControlApi(RetailStore &store, RetailTriggerSender &trigger)
    : m_store(store)
    , m_trigger(trigger)
{
    m_router.add("GET", "/__sandbox/trigger", [this](Call &) { return ok(m_trigger.toJson()); });
    m_router.add("POST", "/__sandbox/trigger", [this](Call &c) {
        m_trigger.configure(c.body.value("url").toString(), c.body.value("extra").toObject());
        return ok(m_trigger.toJson());
    });
    m_router.add("POST", "/__sandbox/reset", [this](Call &c) { return reset(c); });
    m_router.add("POST", "/__sandbox/seed", [this](Call &c) { return seed(c); });
    m_router.add("GET", "/__sandbox/state", [this](Call &c) { return state(c); });
    m_router.add("GET", "/__sandbox/faults", [this](Call &c) { return faults(c); });
    m_router.add("POST", "/__sandbox/faults", [this](Call &c) { return faults(c); });
    m_router.add("GET", "/__sandbox/clock", [this](Call &c) { return clock(c); });
    m_router.add("POST", "/__sandbox/clock", [this](Call &c) { return clock(c); });
    m_router.add("GET", "/__sandbox/rate-limit", [this](Call &c) { return rateLimit(c); });
    m_router.add("POST", "/__sandbox/rate-limit", [this](Call &c) { return rateLimit(c); });
    m_router.add("POST", "/__sandbox/api-keys", [this](Call &c) {
        if (c.body.value("key").toString().isEmpty())
            return bad(QStringLiteral("key is required"));
        RetailSeed::add(m_store, QJsonObject { { "api_keys", QJsonArray { c.body } } });
        return ok(QJsonObject { { "ok", true } });
    });
    m_router.add("POST", "/__sandbox/custom-fields", [this](Call &c) { return customField(c); });
    m_router.add("POST", "/__sandbox/manager/order-status",
                 [this](Call &c) { return managerOrder(c, true); });
    m_router.add("POST", "/__sandbox/manager/order", [this](Call &c) { return managerOrder(c, false); });
    m_router.add("POST", "/__sandbox/manager/customer", [this](Call &c) { return managerCustomer(c); });
}

HttpResponse RetailControlApi::handle(const HttpRequest &request)
{
    const auto match = m_router.match(request.method, request.path);
    if (!match.handler)
        return HttpResponse::json(404, QJsonDocument(QJsonObject { { "error", "unknown control endpoint" } }),
                                  "application/json");
    if (!request.body.trimmed().isEmpty() && !QJsonDocument::fromJson(request.body).isObject())
        return bad(QStringLiteral("the body must be a JSON object"));
    Call call { request, QJsonDocument::fromJson(request.body).object() };
    return (*match.handler)(call);
}

HttpResponse RetailControlApi::reset(Call &call)
{
    const QString seed = call.body.value("seed").toString(m_store.options.seed);
    if (!RetailStore::profiles().contains(seed))
        return bad(QStringLiteral("unknown seed profile"));
    m_store.reset(seed);
    m_trigger.clear();
    return ok(QJsonObject { { "ok", true }, { "seed", seed } });
}

HttpResponse RetailControlApi::seed(Call &call)
{
    if (call.body.contains("profile")) {
        const QString profile = call.body.value("profile").toString();
        if (!RetailStore::profiles().contains(profile))
            return bad(QStringLiteral("unknown seed profile"));
        m_store.reset(profile);
        return ok(QJsonObject { { "ok", true }, { "profile", profile } });
    }
    QJsonObject added = RetailSeed::add(m_store, call.body);
    // Customers and orders seeded here are "made in the CRM": orders get a history entry by a user.
    QJsonArray customerIds, orderIds;
    for (const QJsonValue &v : call.body.value("customers").toArray()) {
        QJsonObject errors;
        QString message;
        const QJsonObject c = RetailCustomersApi::create(
            m_store, v.toObject(), v.toObject().value("site").toString(m_store.options.site), &errors,
            &message);
        if (c.isEmpty())
            return bad(message + ' '
                       + QString::fromUtf8(QJsonDocument(errors).toJson(QJsonDocument::Compact)));
        customerIds.append(c.value("id"));
    }
    for (const QJsonValue &v : call.body.value("orders").toArray()) {
        QJsonObject errors;
        QString message;
        const QJsonObject o = RetailOrderModel::create(
            m_store, v.toObject(), v.toObject().value("site").toString(m_store.options.site), {}, &errors,
            &message);
        if (o.isEmpty())
            return bad(message + ' '
                       + QString::fromUtf8(QJsonDocument(errors).toJson(QJsonDocument::Compact)));
        orderIds.append(o.value("id"));
    }
    added.insert("customers", customerIds);
    added.insert("orders", orderIds);
    added.insert("ok", true);
    return ok(added);
}

HttpResponse RetailControlApi::state(Call &)
{
    QJsonArray history;
    for (const QJsonObject &h : std::as_const(m_store.history))
        history.append(h);
    QJsonObject keys;
    for (auto it = m_store.apiKeys.begin(); it != m_store.apiKeys.end(); ++it)
        keys.insert(it.key(), QJsonArray::fromStringList(it.value()));
    QJsonObject customFields;
    for (auto it = m_store.customFields.begin(); it != m_store.customFields.end(); ++it) {
        QJsonArray list;
        for (const QJsonObject &f : it.value())
            list.append(f);
        customFields.insert(it.key(), list);
    }
    QJsonObject sites;
    for (auto it = m_store.sites.begin(); it != m_store.sites.end(); ++it)
        sites.insert(it.key(), it.value());
    return ok(QJsonObject {
        { "crm", "retailcrm" },
        { "base_url", m_baseUrl },
        { "api_keys", keys },
        { "sites", sites },
        { "counters", m_store.counters.toJson() },
        { "rate_limit", m_store.rateSettings.toJson() },
        { "faults", m_store.faults.toJson() },
        { "clock",
          QJsonObject { { "now", m_store.clock.nowSecs() }, { "offset", m_store.clock.offsetMs() / 1000 } } },
        { "offers", values(m_store.offers) },
        { "users", values(m_store.users) },
        { "custom_fields", customFields },
        { "customers", values(m_store.customers) },
        { "orders", values(m_store.orders) },
        { "history", history },
        { "last_history_id",
          m_store.history.isEmpty() ? QJsonValue(0) : m_store.history.last().value("id") } });
}

HttpResponse RetailControlApi::faults(Call &call)
{
    return Control::faults(m_store.faults, call.request, call.body);
}

HttpResponse RetailControlApi::clock(Call &call)
{
    return Control::clock(m_store.clock, call.request, call.body);
}

HttpResponse RetailControlApi::rateLimit(Call &call)
{
    if (call.request.method == "POST")
        m_store.setRate(call.body);
    QJsonObject settings = m_store.rateSettings.toJson();
    settings.insert("answer_ms", m_store.answerMs);
    return ok(settings);
}

HttpResponse RetailControlApi::customField(Call &call)
{
    const QJsonObject &b = call.body;
    const QString entity = b.value("entity").toString(QStringLiteral("order"));
    const QString code = b.value("code").toString();
    if (!RetailCustomFields::entities().contains(entity) || code.isEmpty())
        return bad(QStringLiteral("give entity (order|customer) and code"));
    auto &fields = m_store.customFields[entity];
    if (b.value("delete").toBool()) {
        if (!fields.remove(code))
            return bad(QStringLiteral("no such field"));
        return ok(QJsonObject { { "ok", true }, { "deleted", code } });
    }
    if (fields.contains(code))
        return ok(
            QJsonObject { { "ok", true }, { "field", RetailCustomFields::edit(m_store, entity, code, b) } });
    QJsonObject errors;
    const QJsonObject field = RetailCustomFields::create(m_store, entity, b, &errors);
    if (field.isEmpty())
        return bad(QString::fromUtf8(QJsonDocument(errors).toJson(QJsonDocument::Compact)));
    return ok(QJsonObject { { "ok", true }, { "field", field } });
}

HttpResponse RetailControlApi::managerOrder(Call &call, bool statusOnly)
{
    const QJsonObject &b = call.body;
    const QString site = b.value("site").toString(m_store.options.site);
    QJsonObject *order = b.contains("id")
        ? m_store.order(QStringLiteral("id"), QString::number(b.value("id").toInteger()), {})
        : m_store.order(QStringLiteral("externalId"), b.value("externalId").toString(), site);
    if (!order)
        return bad(QStringLiteral("no such order (give id, or externalId and site)"));
    const QJsonObject patch
        = statusOnly ? QJsonObject { { "status", b.value("status") } } : b.value("order").toObject();
    if (statusOnly && b.value("status").toString().isEmpty())
        return bad(QStringLiteral("status is required"));
    // "api_key" makes it a change by another integration (source api) instead of by a manager.
    const QString apiKey = b.value("api_key").toString();
    const QJsonObject before = *order;
    QJsonObject errors;
    QString message;
    if (!RetailOrderModel::apply(m_store, *order, patch, order->value("site").toString(), &errors, &message))
        return bad(message + ' ' + QString::fromUtf8(QJsonDocument(errors).toJson(QJsonDocument::Compact)));
    const qsizetype firstNew = m_store.history.size();
    RetailOrderModel::recordChanges(m_store, before, *order, apiKey);
    QJsonArray ids;
    for (qsizetype i = firstNew; i < m_store.history.size(); ++i)
        ids.append(m_store.history[i].value("id"));
    return ok(QJsonObject { { "ok", true }, { "order", *order }, { "history_ids", ids } });
}

HttpResponse RetailControlApi::managerCustomer(Call &call)
{
    const QJsonObject &b = call.body;
    QJsonObject *customer = b.contains("id")
        ? m_store.customer(QStringLiteral("id"), QString::number(b.value("id").toInteger()), {})
        : m_store.customer(QStringLiteral("externalId"), b.value("externalId").toString(),
                           b.value("site").toString(m_store.options.site));
    if (!customer)
        return bad(QStringLiteral("no such customer (give id, or externalId and site)"));
    const QJsonObject errors = RetailCustomersApi::change(m_store, *customer, b.value("customer").toObject(),
                                                          b.value("api_key").toString());
    if (!errors.isEmpty())
        return bad(QString::fromUtf8(QJsonDocument(errors).toJson(QJsonDocument::Compact)));
    return ok(QJsonObject { { "ok", true }, { "customer", *customer } });
}

} // namespace Sandbox::RetailCrm
