// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmoControlApi.h"

#include "AmoCall.h"
#include "AmoCatalogsApi.h"
#include "AmoContactsApi.h"
#include "AmoContext.h"
#include "AmoCustomFields.h"
#include "AmoCustomersApi.h"
#include "AmoErrors.h"
#include "AmoLeadsApi.h"
#include "AmoNotesApi.h"
#include "AmoNotifier.h"
#include "AmoPipelinesApi.h"
#include "AmoSeed.h"
#include "AmoWebhookSender.h"
#include "common/ControlReplies.h"
#include "common/QueryParams.h"
#include "common/SandboxClock.h"

#include <QJsonArray>

namespace Sandbox::AmoCrm {

using Control::bad;
using Control::ok;
using Control::values;

AmoControlApi::AmoControlApi(AmoContext &context)
    : m_context(context)
{
    m_router.add("POST", "/__sandbox/reset", [this](Call &c) { return reset(c); });
    m_router.add("POST", "/__sandbox/seed", [this](Call &c) { return seed(c); });
    m_router.add("GET", "/__sandbox/state", [this](Call &c) { return state(c); });
    m_router.add("GET", "/__sandbox/faults", [this](Call &c) { return faults(c); });
    m_router.add("POST", "/__sandbox/faults", [this](Call &c) { return faults(c); });
    m_router.add("GET", "/__sandbox/clock", [this](Call &c) { return clock(c); });
    m_router.add("POST", "/__sandbox/clock", [this](Call &c) { return clock(c); });
    m_router.add("POST", "/__sandbox/auth-code", [this](Call &c) { return authCode(c); });
    m_router.add("POST", "/__sandbox/long-lived-token", [this](Call &c) { return longLivedToken(c); });
    m_router.add("POST", "/__sandbox/revoke", [this](Call &c) { return revoke(c); });
    m_router.add("POST", "/__sandbox/account", [this](Call &c) { return account(c); });
    m_router.add("POST", "/__sandbox/accounts", [this](Call &c) { return addAccount(c); });
    m_router.add("GET", "/__sandbox/integration", [this](Call &c) { return integration(c); });
    m_router.add("POST", "/__sandbox/integration", [this](Call &c) { return integration(c); });
    m_router.add("GET", "/__sandbox/webhook-deliveries", [this](Call &) {
        return ok(QJsonObject { { "deliveries", m_context.sender.log() },
                                { "pending_retries", m_context.sender.pendingRetries() } });
    });
    m_router.add("POST", "/__sandbox/manager/lead-status", [this](Call &c) { return managerLeadStatus(c); });
    m_router.add("POST", "/__sandbox/manager/lead",
                 [this](Call &c) { return managerEntity(c, QStringLiteral("leads")); });
    m_router.add("POST", "/__sandbox/manager/contact",
                 [this](Call &c) { return managerEntity(c, QStringLiteral("contacts")); });
    m_router.add("POST", "/__sandbox/manager/company",
                 [this](Call &c) { return managerEntity(c, QStringLiteral("companies")); });
    m_router.add("POST", "/__sandbox/manager/note", [this](Call &c) { return managerNote(c); });
    m_router.add("POST", "/__sandbox/manager/customer",
                 [this](Call &c) { return managerEntity(c, QStringLiteral("customers")); });
    m_router.add("POST", "/__sandbox/manager/delete-catalog-elements",
                 [this](Call &c) { return managerDeleteCatalogElements(c); });
}

HttpResponse AmoControlApi::handle(const HttpRequest &request)
{
    const auto match = m_router.match(request.method, request.path);
    if (!match.handler)
        return HttpResponse::json(404, QJsonDocument(QJsonObject { { "error", "unknown control endpoint" } }),
                                  "application/json");
    Call call { request, QJsonDocument::fromJson(request.body).object(), parsePhpQuery(request.rawQuery) };
    if (!request.body.trimmed().isEmpty() && !QJsonDocument::fromJson(request.body).isObject())
        return bad(QStringLiteral("the body must be a JSON object"));
    return (*match.handler)(call);
}

AmoAccount *AmoControlApi::accountOf(const Call &call)
{
    QString sub = call.body.value("account").toString();
    if (sub.isEmpty())
        sub = call.query.value("account").toString();
    return m_context.account(sub.isEmpty() ? m_context.defaultSubdomain : sub);
}

HttpResponse AmoControlApi::reset(Call &call)
{
    const QString seed = call.body.value("seed").toString(m_context.options.seed);
    if (!AmoSeed::profiles().contains(seed))
        return bad(QStringLiteral("unknown seed profile"));
    m_context.reset(seed, call.body.value("keep_tokens").toBool());
    return ok(QJsonObject { { "ok", true }, { "seed", seed } });
}

HttpResponse AmoControlApi::seed(Call &call)
{
    AmoAccount *account = accountOf(call);
    if (!account)
        return bad(QStringLiteral("unknown account"));
    if (call.body.contains("profile")) {
        const QString profile = call.body.value("profile").toString();
        if (!AmoSeed::profiles().contains(profile))
            return bad(QStringLiteral("unknown seed profile"));
        AmoAccount &fresh = m_context.createAccount(account->subdomain, account->id, profile);
        Q_UNUSED(fresh);
        return ok(QJsonObject { { "ok", true }, { "profile", profile } });
    }
    return seedEntities(*account, call.body);
}

HttpResponse AmoControlApi::seedEntities(AmoAccount &account, const QJsonObject &body)
{
    const HttpRequest noRequest;
    AmoCall call {
        noRequest,      account, {}, {}, m_context.baseUrlFor(account.subdomain), account.adminUserId(),
        m_context.now()
    };
    QJsonObject ids;
    const QJsonObject fieldSpecs = body.value("custom_fields").toObject();
    for (auto it = fieldSpecs.begin(); it != fieldSpecs.end(); ++it) {
        QJsonArray created;
        for (const QJsonValue &spec : it.value().toArray())
            created.append(AmoCustomFields::create(account, it.key(), spec.toObject(), 100 + created.size())
                               .value("id"));
        ids.insert(QStringLiteral("custom_fields.") + it.key(), created);
    }
    QJsonArray pipelines;
    for (const QJsonValue &p : body.value("pipelines").toArray()) {
        QList<QPair<QString, QString>> stages;
        for (const QJsonValue &s : p.toObject().value("statuses").toArray())
            stages.append({ s.toObject().value("name").toString(),
                            s.toObject().value("color").toString(QStringLiteral("#99ccff")) });
        pipelines.append(AmoPipelinesApi::makePipeline(account, p.toObject().value("name").toString(),
                                                       p.toObject().value("is_main").toBool(),
                                                       10 + int(pipelines.size()), stages)
                             .value("id"));
    }
    ids.insert("pipelines", pipelines);
    for (const QString &type :
         { QStringLiteral("companies"), QStringLiteral("contacts"), QStringLiteral("leads") }) {
        QJsonArray created;
        ValidationErrors errors;
        const QJsonArray items = body.value(type).toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QJsonObject item = items[i].toObject();
            const QString rid = QString::number(i);
            QJsonObject entity;
            if (type == QLatin1String("leads")) {
                entity = AmoLeadsApi::newLead(call);
                AmoLeadsApi::applyLead(call, entity, item, rid, errors);
            } else {
                entity = AmoContactsApi::newEntity(call, type);
                AmoContactsApi::applyEntity(call, type, entity, item, rid, errors);
            }
            if (!errors.isEmpty())
                return errors.response();
            const qint64 id
                = account.allocateId(type == QLatin1String("leads")          ? QStringLiteral("lead")
                                         : type == QLatin1String("contacts") ? QStringLiteral("contact")
                                                                             : QStringLiteral("company"));
            entity.insert("id", id);
            if (entity.value("name").toString().isEmpty())
                entity.insert("name", QStringLiteral("#%1").arg(id));
            account.entities(type)->insert(id, entity);
            created.append(id);
        }
        ids.insert(type, created);
    }
    return ok(QJsonObject { { "ok", true }, { "ids", ids } });
}

HttpResponse AmoControlApi::state(Call &call)
{
    AmoAccount *account = accountOf(call);
    if (!account)
        return bad(QStringLiteral("unknown account"));
    QJsonObject fields;
    for (auto it = account->customFields.cbegin(); it != account->customFields.cend(); ++it)
        fields.insert(it.key(), values(it.value()));
    QJsonObject tags;
    for (auto it = account->tags.cbegin(); it != account->tags.cend(); ++it)
        tags.insert(it.key(), values(it.value()));
    QJsonArray events;
    for (const QJsonObject &e : std::as_const(account->events))
        events.append(e);
    QJsonArray unsorted;
    for (const QJsonObject &u : std::as_const(account->unsorted))
        unsorted.append(u);
    QJsonArray accounts;
    for (const auto &[sub, acc] : m_context.accounts)
        accounts.append(sub);
    const qint64 nowMs = m_context.clock.nowMs();
    return ok(QJsonObject {
        { "subdomain", account->subdomain },
        { "base_url", m_context.baseUrlFor(account->subdomain) },
        { "accounts", accounts },
        { "account",
          QJsonObject { { "id", account->id },
                        { "name", account->name },
                        { "unpaid", account->unpaid },
                        { "blocked", account->blocked },
                        { "duplicate_control", account->duplicateControl },
                        { "customers_mode", account->customersMode } } },
        { "rate_limit", account->limiter.toJson(nowMs) },
        { "users", values(account->users) },
        { "pipelines", values(account->pipelines) },
        { "custom_fields", fields },
        { "leads", values(account->leads) },
        { "contacts", values(account->contacts) },
        { "companies", values(account->companies) },
        { "customers", values(account->customers) },
        { "transactions", values(account->transactions) },
        { "notes", values(account->notes) },
        { "catalogs", values(account->catalogs) },
        { "catalog_elements", values(account->catalogElements) },
        { "webhooks", values(account->webhooks) },
        { "unsorted", unsorted },
        { "tags", tags },
        { "events", events },
        { "counters", m_context.counters.toJson() },
        { "faults", m_context.faults.toJson() },
        { "webhook_deliveries", m_context.sender.log() },
        { "clock",
          QJsonObject { { "now", nowMs / 1000 }, { "offset", m_context.clock.offsetMs() / 1000 } } } });
}

HttpResponse AmoControlApi::faults(Call &call)
{
    return Control::faults(m_context.faults, call.request, call.body);
}

HttpResponse AmoControlApi::clock(Call &call)
{
    return Control::clock(m_context.clock, call.request, call.body,
                          QJsonObject { { "pending_tasks", m_context.clock.pendingTasks() } });
}

HttpResponse AmoControlApi::authCode(Call &call)
{
    AmoAccount *account = accountOf(call);
    if (!account)
        return bad(QStringLiteral("unknown account"));
    const QString code
        = m_context.tokens.issueCode(account->subdomain, m_context.options.clientId, account->adminUserId(),
                                     m_context.options.authCodeTtlSecs);
    return ok(QJsonObject { { "code", code },
                            { "expires_in", m_context.options.authCodeTtlSecs },
                            { "referer", m_context.refererFor(account->subdomain) },
                            { "base_url", m_context.baseUrlFor(account->subdomain) },
                            { "client_id", m_context.options.clientId },
                            { "client_secret", m_context.options.clientSecret },
                            { "redirect_uri", m_context.options.redirectUri } });
}

HttpResponse AmoControlApi::longLivedToken(Call &call)
{
    AmoAccount *account = accountOf(call);
    if (!account)
        return bad(QStringLiteral("unknown account"));
    const qint64 ttl = call.body.value("expires_in").toInteger(5 * 365 * 86400);
    const QString token = m_context.tokens.issueLongLived(account->subdomain, m_context.options.clientId,
                                                          account->adminUserId(), account->id, ttl);
    return ok(QJsonObject { { "access_token", token }, { "expires_at", m_context.now() + ttl } });
}

HttpResponse AmoControlApi::revoke(Call &call)
{
    AmoAccount *account = accountOf(call);
    if (!account)
        return bad(QStringLiteral("unknown account"));
    const int count = m_context.tokens.revoke(call.body.value("token").toString(), account->subdomain);
    return ok(QJsonObject { { "revoked", count } });
}

HttpResponse AmoControlApi::account(Call &call)
{
    AmoAccount *account = accountOf(call);
    if (!account)
        return bad(QStringLiteral("unknown account"));
    const QJsonObject &b = call.body;
    if (b.contains("unpaid"))
        account->unpaid = b.value("unpaid").toBool();
    if (b.contains("blocked"))
        account->blocked = b.value("blocked").toBool();
    if (b.contains("duplicate_control"))
        account->duplicateControl = b.value("duplicate_control").toBool();
    if (b.contains("customers_mode"))
        account->customersMode = b.value("customers_mode").toString();
    if (b.contains("language"))
        account->language = b.value("language").toString();
    if (b.contains("webhook_disable_threshold"))
        m_context.notifier->setDisableThreshold(b.value("webhook_disable_threshold").toInt());
    if (b.contains("answer_ms"))
        m_context.options.answerMs = qMax(0, b.value("answer_ms").toInt());
    account->limiter.settings().update(b);
    if (b.value("reset_limiter").toBool() || b.value("unblock").toBool())
        account->limiter.reset();
    if (b.contains("block"))
        account->limiter.block(m_context.clock.nowMs(), b.value("block").toInt());
    return ok(QJsonObject { { "subdomain", account->subdomain },
                            { "unpaid", account->unpaid },
                            { "blocked", account->blocked },
                            { "duplicate_control", account->duplicateControl },
                            { "customers_mode", account->customersMode },
                            { "webhook_disable_threshold", m_context.notifier->disableThreshold() },
                            { "answer_ms", m_context.options.answerMs },
                            { "rate_limit", account->limiter.toJson(m_context.clock.nowMs()) } });
}

HttpResponse AmoControlApi::addAccount(Call &call)
{
    const QString sub = call.body.value("subdomain").toString().toLower();
    if (sub.isEmpty() || sub == QLatin1String("www") || sub.contains(QLatin1Char('/')))
        return bad(QStringLiteral("a subdomain is required"));
    const QString seed = call.body.value("seed").toString(QStringLiteral("empty"));
    if (!AmoSeed::profiles().contains(seed))
        return bad(QStringLiteral("unknown seed profile"));
    const qint64 id
        = call.body.value("id").toInteger(m_context.options.accountId + qint64(m_context.accounts.size()));
    m_context.createAccount(sub, id, seed);
    return ok(QJsonObject { { "subdomain", sub },
                            { "id", id },
                            { "base_url", m_context.baseUrlFor(sub) },
                            { "referer", m_context.refererFor(sub) } });
}

HttpResponse AmoControlApi::integration(Call &call)
{
    AmoSandboxOptions &o = m_context.options;
    const QJsonObject &b = call.body;
    if (b.contains("redirect_uri"))
        o.redirectUri = b.value("redirect_uri").toString();
    if (b.contains("auto_approve"))
        o.autoApprove = b.value("auto_approve").toBool();
    o.accessTokenTtlSecs = b.value("access_token_ttl").toInteger(o.accessTokenTtlSecs);
    o.refreshTokenTtlSecs = b.value("refresh_token_ttl").toInteger(o.refreshTokenTtlSecs);
    o.authCodeTtlSecs = b.value("auth_code_ttl").toInteger(o.authCodeTtlSecs);
    if (b.contains("webhook_timeout_ms")) {
        o.webhookTimeoutMs = b.value("webhook_timeout_ms").toInt();
        m_context.sender.setTimeoutMs(o.webhookTimeoutMs);
    }
    return ok(QJsonObject { { "client_id", o.clientId },
                            { "client_secret", o.clientSecret },
                            { "redirect_uri", o.redirectUri },
                            { "auto_approve", o.autoApprove },
                            { "access_token_ttl", o.accessTokenTtlSecs },
                            { "refresh_token_ttl", o.refreshTokenTtlSecs },
                            { "auth_code_ttl", o.authCodeTtlSecs },
                            { "webhook_timeout_ms", o.webhookTimeoutMs } });
}

HttpResponse AmoControlApi::managerLeadStatus(Call &call)
{
    QJsonObject body = call.body;
    if (!body.contains("lead_id") || !body.contains("status_id"))
        return bad(QStringLiteral("lead_id and status_id are required"));
    body.insert("id", body.take("lead_id"));
    call.body = body;
    return managerEntity(call, QStringLiteral("leads"));
}

HttpResponse AmoControlApi::managerEntity(Call &call, const QString &type)
{
    AmoAccount *account = accountOf(call);
    if (!account)
        return bad(QStringLiteral("unknown account"));
    QJsonObject input = call.body;
    input.remove("account");
    const qint64 userId = input.take("user_id").toInteger(account->adminUserId());
    if (!account->users.contains(userId))
        return bad(QStringLiteral("unknown user_id"));
    AmoCall apiCall { call.request, *account,       {}, {}, m_context.baseUrlFor(account->subdomain),
                      userId,       m_context.now() };
    QMap<qint64, QJsonObject> &store = *account->entities(type);
    const qint64 id = input.value("id").toInteger();
    if (input.contains("id") && !store.contains(id))
        return HttpResponse::json(404, QJsonDocument(QJsonObject { { "error", "no such entity" } }),
                                  "application/json");
    ValidationErrors errors;
    QJsonObject entity;
    if (type == QLatin1String("customers")) {
        // A manager edits a customer's card (its fields); customers are made by the API here.
        if (!id)
            return bad(QStringLiteral("a customer edit needs the customer's id"));
        entity = store.value(id);
        AmoCustomersApi::applyCustomer(apiCall, entity, input, QStringLiteral("0"), errors);
    } else if (type == QLatin1String("leads")) {
        entity = id ? store.value(id) : AmoLeadsApi::newLead(apiCall);
        AmoLeadsApi::applyLead(apiCall, entity, input, QStringLiteral("0"), errors);
    } else {
        entity = id ? store.value(id) : AmoContactsApi::newEntity(apiCall, type);
        AmoContactsApi::applyEntity(apiCall, type, entity, input, QStringLiteral("0"), errors);
    }
    if (!errors.isEmpty())
        return errors.response();
    qint64 resultId = id;
    if (type == QLatin1String("leads")) {
        if (id)
            AmoLeadsApi::commitUpdate(m_context, apiCall, entity);
        else
            resultId = AmoLeadsApi::commitNew(m_context, apiCall, entity);
    } else {
        if (id)
            AmoContactsApi::commitUpdate(m_context, apiCall, type, entity);
        else
            resultId = AmoContactsApi::commitNew(m_context, apiCall, type, entity);
    }
    return ok(QJsonObject { { "id", resultId }, { "entity", store.value(resultId) } });
}

HttpResponse AmoControlApi::managerNote(Call &call)
{
    AmoAccount *account = accountOf(call);
    if (!account)
        return bad(QStringLiteral("unknown account"));
    const QString type = call.body.value("entity_type").toString(QStringLiteral("leads"));
    const qint64 entityId = call.body.value("entity_id").toInteger();
    if (!account->entities(type) || !account->entities(type)->contains(entityId))
        return bad(QStringLiteral("unknown entity"));
    const qint64 userId = call.body.value("user_id").toInteger(account->adminUserId());
    const qint64 id = AmoNotesApi::addNote(m_context, *account, type, entityId, QStringLiteral("common"),
                                           QJsonObject { { "text", call.body.value("text").toString() } },
                                           userId, m_context.now());
    return ok(QJsonObject { { "id", id } });
}

HttpResponse AmoControlApi::managerDeleteCatalogElements(Call &call)
{
    // A manager ticks products in the list («Товары») and deletes them: the same as the API's delete.
    AmoAccount *account = accountOf(call);
    if (!account)
        return bad(QStringLiteral("unknown account"));
    QList<qint64> ids;
    for (const QJsonValue &v : call.body.value("ids").toArray()) {
        const QJsonObject element = account->catalogElements.value(v.toInteger());
        if (element.isEmpty() || element.value("is_deleted").toBool())
            return bad(QStringLiteral("unknown or deleted element %1").arg(v.toInteger()));
        ids << v.toInteger();
    }
    const qint64 userId = call.body.value("user_id").toInteger(account->adminUserId());
    AmoCatalogsApi::markDeleted(*account, ids, userId, m_context.now());
    return ok(QJsonObject { { "deleted", int(ids.size()) } });
}

} // namespace Sandbox::AmoCrm
