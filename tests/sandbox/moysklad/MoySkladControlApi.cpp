// SPDX-License-Identifier: GPL-3.0-or-later
#include "MoySkladControlApi.h"

#include "MoySkladEntities.h"
#include "MoySkladSeed.h"
#include "MoySkladShapes.h"
#include "MoySkladStore.h"
#include "MoySkladWebhookSender.h"
#include "common/ControlReplies.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Sandbox::MoySklad {

using Control::bad;
using Control::ok;

MoySkladControlApi::MoySkladControlApi(MoySkladStore &store, MoySkladWebhookSender &webhooks)
    : m_store(store)
    , m_webhooks(webhooks)
    , m_entities(std::make_unique<MoySkladEntities>(store))
    , m_tillSales(store.options.demoSales)
{
    const auto reset = [this](Call &c) {
        const QString seed
            = c.body.value(c.body.contains("profile") ? "profile" : "seed").toString(m_store.options.seed);
        if (!MoySkladStore::profiles().contains(seed))
            return bad(QStringLiteral("unknown seed profile"));
        m_store.reset(seed);
        m_webhooks.clear();
        return ok(QJsonObject { { "ok", true }, { "seed", seed } });
    };
    m_router.add("POST", "/__sandbox/reset", reset);
    m_router.add("POST", "/__sandbox/seed", reset);
    m_router.add("GET", "/__sandbox/state", [this](Call &c) { return state(c); });
    const auto rate = [this](Call &c) {
        if (c.request.method == "POST")
            m_store.budget.updateSettings(c.body);
        return ok(m_store.budget.toJson());
    };
    m_router.add("GET", "/__sandbox/rate-limit", rate);
    m_router.add("POST", "/__sandbox/rate-limit", rate);
    m_router.add("POST", "/__sandbox/unban", [this](Call &) {
        m_store.budget.unban();
        return ok(m_store.budget.toJson());
    });
    const auto faults = [this](Call &c) { return Control::faults(m_store.faults, c.request, c.body); };
    m_router.add("GET", "/__sandbox/faults", faults);
    m_router.add("POST", "/__sandbox/faults", faults);
    const auto clock = [this](Call &c) {
        return Control::clock(m_store.clock, c.request, c.body, QJsonObject { { "moscow", m_store.now() } });
    };
    m_router.add("GET", "/__sandbox/clock", clock);
    m_router.add("POST", "/__sandbox/clock", clock);
    m_router.add("GET", "/__sandbox/webhooks", [this](Call &) {
        return ok(QJsonObject { { "deliveries", m_webhooks.log() } });
    });
    m_router.add("POST", "/__sandbox/webhooks", [this](Call &c) {
        m_webhooks.timeoutMs = c.body.value("timeout_ms").toInt(m_webhooks.timeoutMs);
        if (c.body.value("clear").toBool())
            m_webhooks.clear();
        return ok(QJsonObject { { "timeout_ms", m_webhooks.timeoutMs } });
    });
    m_router.add("POST", "/__sandbox/ui/{*}", [this](Call &c) { return userEdit(c); });
    // The shop's till, for the demo: {"count": N} sales rung up now, as MoySkladSeed::ringUpSale makes them.
    m_router.add("POST", "/__sandbox/till", [this](Call &c) {
        QJsonArray ids;
        for (int i = 0, count = qBound(1, c.body.value("count").toInt(1), 100); i < count; ++i)
            ids.append(MoySkladSeed::ringUpSale(m_store, m_tillSales++));
        m_webhooks.dispatch(m_store.takeChanges(), {}, m_store.options.login);
        return ok(QJsonObject { { "sales", ids } });
    });
}

MoySkladControlApi::~MoySkladControlApi() = default;

HttpResponse MoySkladControlApi::handle(const HttpRequest &request)
{
    const auto match = m_router.match(request.method, request.path);
    if (!match.handler)
        return HttpResponse::json(404, QJsonDocument(QJsonObject { { "error", "unknown control endpoint" } }),
                                  "application/json");
    if (!request.body.trimmed().isEmpty() && !QJsonDocument::fromJson(request.body).isObject())
        return bad(QStringLiteral("the body must be a JSON object"));
    Call call { request, QJsonDocument::fromJson(request.body).object(), match.params };
    return (*match.handler)(call);
}

HttpResponse MoySkladControlApi::state(Call &)
{
    QJsonObject counts;
    for (const QString &type : MoySkladStore::types())
        counts.insert(type, m_store.rows(type).size());
    return ok(QJsonObject { { "entities", counts },
                            { "counters", m_store.counters.toJson() },
                            { "budget", m_store.budget.toJson() },
                            { "webhook_deliveries", m_webhooks.log().size() },
                            { "now", m_store.now() } });
}

HttpResponse MoySkladControlApi::userEdit(Call &call)
{
    // {"id": …} edits (or with "delete": true removes) an object; without an id it creates one.
    const QString type = call.params.value(0);
    if (!MoySkladStore::types().contains(type))
        return bad(QStringLiteral("unknown entity type"));
    ApiError error;
    QJsonObject result;
    const QString id = call.body.value("id").toString();
    QJsonObject fields = call.body;
    fields.remove("id");
    fields.remove("delete");
    // The web interface's bonus operation form picks the account's active programme by itself.
    if (type == QLatin1String("bonustransaction") && id.isEmpty() && !fields.contains("bonusProgram")) {
        for (const QJsonObject &program : m_store.rows("bonusprogram")) {
            if (program.value("active").toBool()) {
                fields.insert("bonusProgram", m_store.link("bonusprogram", program.value("id").toString()));
                break;
            }
        }
    }
    if (call.body.value("delete").toBool())
        m_entities->remove(type, id, &error);
    else if (!id.isEmpty())
        result = m_entities->update(type, id, fields, &error);
    else
        result = m_entities->create(type, fields, &error);
    if (error.isError())
        return bad(error.message);
    m_webhooks.dispatch(m_store.takeChanges(), {}, m_store.options.login);
    return ok(result.isEmpty() ? QJsonObject { { "ok", true } } : MoySkladShapes(m_store).show(type, result));
}

} // namespace Sandbox::MoySklad
