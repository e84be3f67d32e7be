// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmoWebhooksApi.h"

#include "AmoContext.h"
#include "AmoEntities.h"

#include <QUrl>

namespace Sandbox::AmoCrm {

namespace {

constexpr int kMaxWebhooks = 100;

} // namespace

QStringList AmoWebhooksApi::knownSettings()
{
    QStringList out;
    for (const char *entity : { "lead", "contact", "company", "customer" }) {
        for (const char *action : { "add", "update", "delete", "restore", "responsible", "note" })
            out << QStringLiteral("%1_%2").arg(QLatin1String(action), QLatin1String(entity));
    }
    out << "status_lead"
        << "add_task"
        << "update_task"
        << "delete_task"
        << "responsible_task"
        << "add_unsorted"
        << "delete_unsorted"
        << "add_message"
        << "add_outgoing_message"
        << "add_talk"
        << "update_talk"
        << "add_catalog"
        << "update_catalog"
        << "delete_catalog";
    return out;
}

AmoWebhooksApi::AmoWebhooksApi(AmoContext &context, AmoRouter &router)
    : m_context(context)
{
    router.add("GET", "/api/v4/webhooks", [this](AmoCall &c) { return list(c); });
    router.add("POST", "/api/v4/webhooks", [this](AmoCall &c) { return subscribe(c); });
    router.add("DELETE", "/api/v4/webhooks", [this](AmoCall &c) { return unsubscribe(c); });
}

HttpResponse AmoWebhooksApi::list(AmoCall &call)
{
    const QString destination = call.query.value("filter").toObject().value("destination").toString();
    QJsonArray items;
    for (const QJsonObject &hook : std::as_const(call.account.webhooks)) {
        if (!destination.isEmpty() && hook.value("destination").toString() != destination)
            continue;
        items.append(hook);
    }
    if (items.isEmpty())
        return HttpResponse::noContent();
    const QJsonObject body { { "_total_items", items.size() },
                             { "_links", Entities::selfLink(call.link(QStringLiteral("/api/v4/webhooks"))) },
                             { "_embedded", QJsonObject { { "webhooks", items } } } };
    return HttpResponse::json(200, QJsonDocument(body));
}

HttpResponse AmoWebhooksApi::subscribe(AmoCall &call)
{
    QJsonObject input;
    if (auto error = Entities::readObject(call, &input))
        return *error;
    ValidationErrors errors;
    const QString destination = input.value("destination").toString();
    const QUrl url(destination, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        || url.host().isEmpty())
        errors.add(QStringLiteral("0"), QStringLiteral("InvalidUrl"), QStringLiteral("destination"),
                   QStringLiteral("This value is not a valid URL."));
    const QJsonArray settings = input.value("settings").toArray();
    if (settings.isEmpty())
        errors.add(QStringLiteral("0"), QStringLiteral("NotBlank"), QStringLiteral("settings"),
                   QStringLiteral("This value should not be blank."));
    const QStringList known = knownSettings();
    for (qsizetype i = 0; i < settings.size(); ++i) {
        if (!known.contains(settings[i].toString()))
            errors.notSupportedChoice(QStringLiteral("0"), QStringLiteral("settings.%1").arg(i));
    }
    if (!errors.isEmpty())
        return errors.response();
    QJsonObject *existing = nullptr;
    for (QJsonObject &hook : call.account.webhooks) {
        if (hook.value("destination").toString() == destination)
            existing = &hook;
    }
    if (!existing && call.account.webhooks.size() >= kMaxWebhooks)
        return Errors::problem(400, QStringLiteral("Maximum %1 webhooks per account").arg(kMaxWebhooks));
    QJsonObject hook;
    if (existing) {
        hook = *existing;
    } else {
        hook = QJsonObject { { "id", call.account.allocateId(QStringLiteral("webhook")) },
                             { "destination", destination },
                             { "created_at", call.now },
                             { "account_id", call.account.id },
                             { "created_by", call.userId } };
    }
    hook.insert("updated_at", call.now);
    hook.insert("sort", input.value("sort").toInt(hook.value("sort").toInt(1)));
    hook.insert("disabled", false);
    hook.insert("settings", settings);
    call.account.webhooks.insert(hook.value("id").toInteger(), hook);
    return HttpResponse::json(200, QJsonDocument(hook));
}

HttpResponse AmoWebhooksApi::unsubscribe(AmoCall &call)
{
    QJsonObject input;
    if (auto error = Entities::readObject(call, &input))
        return *error;
    const QString destination = input.value("destination").toString();
    for (auto it = call.account.webhooks.begin(); it != call.account.webhooks.end(); ++it) {
        if (it->value("destination").toString() == destination) {
            call.account.webhooks.erase(it);
            return HttpResponse::noContent();
        }
    }
    return Errors::problem(404, QStringLiteral("Webhook not found"));
}

} // namespace Sandbox::AmoCrm
