// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmoAccountApi.h"

#include "AmoContext.h"
#include "AmoEntities.h"

#include <QCryptographicHash>
#include <QUuid>

namespace Sandbox::AmoCrm {

namespace {

QString stableUuid(const QString &seed)
{
    return QUuid::fromRfc4122(QCryptographicHash::hash(seed.toUtf8(), QCryptographicHash::Md5))
        .toString(QUuid::WithoutBraces);
}

QJsonObject rights(bool admin, bool active)
{
    const QJsonObject full {
        { "view", "A" }, { "edit", "A" }, { "add", "A" }, { "delete", "A" }, { "export", "A" }
    };
    return QJsonObject { { "leads", full },
                         { "contacts", full },
                         { "companies", full },
                         { "tasks", QJsonObject { { "edit", "A" }, { "delete", "A" } } },
                         { "mail_access", true },
                         { "catalog_access", true },
                         { "files_access", true },
                         { "status_rights", QJsonArray() },
                         { "catalog_rights", QJsonValue::Null },
                         { "custom_fields_rights", QJsonValue::Null },
                         { "oper_day_reports_view_access", false },
                         { "oper_day_user_tracking", false },
                         { "is_admin", admin },
                         { "is_free", false },
                         { "is_active", active },
                         { "group_id", QJsonValue::Null },
                         { "role_id", QJsonValue::Null } };
}

} // namespace

AmoAccountApi::AmoAccountApi(AmoContext &context, AmoRouter &router)
    : m_context(context)
{
    router.add("GET", "/api/v4/account", [this](AmoCall &c) { return account(c); });
    router.add("GET", "/api/v4/users", [this](AmoCall &c) { return users(c); });
    router.add("GET", "/api/v4/users/{id}", [this](AmoCall &c) { return user(c); });
}

QJsonObject AmoAccountApi::makeUser(AmoAccount &account, const QString &name, const QString &email,
                                    bool admin, bool active)
{
    const qint64 id = account.allocateId(QStringLiteral("user"));
    QJsonObject user { { "id", id },
                       { "name", name },
                       { "email", email },
                       { "lang", "ru" },
                       { "rights", rights(admin, active) } };
    account.users.insert(id, user);
    return user;
}

HttpResponse AmoAccountApi::account(AmoCall &call)
{
    const AmoAccount &acc = call.account;
    const QStringList with = Entities::withList(call);
    QJsonObject body { { "id", acc.id },
                       { "name", acc.name },
                       { "subdomain", acc.subdomain },
                       { "created_at", acc.createdAt },
                       { "created_by", acc.adminUserId() },
                       { "updated_at", acc.createdAt },
                       { "updated_by", acc.adminUserId() },
                       { "current_user_id", call.userId },
                       { "country", "RU" },
                       { "currency", "RUB" },
                       { "currency_symbol", QStringLiteral("₽") },
                       { "customers_mode", acc.customersMode },
                       // Not in the public docs; seen in a real captured account answer (reference 3.10).
                       { "language", acc.language },
                       { "is_unsorted_on", true },
                       { "is_loss_reason_enabled", true },
                       { "is_helpbot_enabled", false },
                       { "is_technical_account", false },
                       { "contact_name_display_order", 1 },
                       { "mobile_feature_version", 0 },
                       { "_links", Entities::selfLink(call.link(QStringLiteral("/api/v4/account"))) } };
    if (with.contains(QLatin1String("amojo_id")))
        body.insert("amojo_id", stableUuid(acc.subdomain + QStringLiteral("/amojo")));
    if (with.contains(QLatin1String("uuid")))
        body.insert("uuid", stableUuid(acc.subdomain));
    if (with.contains(QLatin1String("version")))
        body.insert("version", 11);
    if (with.contains(QLatin1String("drive_url")))
        body.insert("drive_url", QStringLiteral("https://drive-b.amocrm.ru"));
    if (with.contains(QLatin1String("is_api_filter_enabled")))
        body.insert("is_api_filter_enabled", false);
    QJsonObject embedded;
    if (with.contains(QLatin1String("users_groups")))
        embedded.insert("users_groups",
                        QJsonArray { QJsonObject { { "id", 0 },
                                                   { "name", QStringLiteral("Отдел продаж") },
                                                   { "uuid", QJsonValue::Null } } });
    if (with.contains(QLatin1String("task_types"))) {
        embedded.insert("task_types",
                        QJsonArray { QJsonObject { { "id", 1 },
                                                   { "name", QStringLiteral("Связаться") },
                                                   { "color", QJsonValue::Null },
                                                   { "icon_id", QJsonValue::Null },
                                                   { "code", "FOLLOW_UP" } },
                                     QJsonObject { { "id", 2 },
                                                   { "name", QStringLiteral("Встреча") },
                                                   { "color", QJsonValue::Null },
                                                   { "icon_id", QJsonValue::Null },
                                                   { "code", "MEETING" } } });
    }
    if (with.contains(QLatin1String("amojo_rights")))
        embedded.insert("amojo_rights",
                        QJsonObject { { "can_direct", true }, { "can_create_groups", true } });
    if (with.contains(QLatin1String("datetime_settings"))) {
        embedded.insert("datetime_settings",
                        QJsonObject { { "date_pattern", "d.m.Y H:i" },
                                      { "short_date_pattern", "d.m.Y" },
                                      { "short_time_pattern", "H:i" },
                                      { "date_format", "d.m.Y" },
                                      { "time_format", "H:i:s" },
                                      { "timezone", "Europe/Moscow" },
                                      { "timezone_offset", "+03:00" } });
    }
    if (with.contains(QLatin1String("invoices_settings")))
        embedded.insert("invoices_settings",
                        QJsonObject { { "lang", "ru" }, { "invoices_catalog_id", QJsonValue::Null } });
    if (!embedded.isEmpty())
        body.insert("_embedded", embedded);
    return HttpResponse::json(200, QJsonDocument(body));
}

QJsonObject AmoAccountApi::renderUser(const AmoCall &call, const QJsonObject &stored,
                                      const QStringList &with) const
{
    QJsonObject user = stored;
    const qint64 id = user.value("id").toInteger();
    user.insert("_links", Entities::selfLink(call.link(QStringLiteral("/api/v4/users/%1").arg(id))));
    if (with.contains(QLatin1String("uuid")))
        user.insert("uuid", stableUuid(QString::number(id)));
    if (with.contains(QLatin1String("amojo_id")))
        user.insert("amojo_id", stableUuid(QStringLiteral("amojo/%1").arg(id)));
    QJsonObject embedded;
    if (with.contains(QLatin1String("role")))
        embedded.insert("roles", QJsonArray());
    if (with.contains(QLatin1String("group")))
        embedded.insert(
            "groups", QJsonArray { QJsonObject { { "id", 0 }, { "name", QStringLiteral("Отдел продаж") } } });
    if (!embedded.isEmpty())
        user.insert("_embedded", embedded);
    return user;
}

HttpResponse AmoAccountApi::users(AmoCall &call)
{
    Entities::PageRequest page;
    if (auto error = Entities::readPage(call, 250, &page))
        return *error;
    const QStringList with = Entities::withList(call);
    QList<QJsonObject> items;
    for (const QJsonObject &user : std::as_const(call.account.users))
        items.append(renderUser(call, user, with));
    HttpResponse response
        = Entities::halPage(call, QStringLiteral("/api/v4/users"), QStringLiteral("users"), items, page);
    if (response.status == 200) {
        QJsonObject body = QJsonDocument::fromJson(response.body).object();
        body.insert("_total_items", items.size());
        body.insert("_page_count", int((items.size() + page.limit - 1) / page.limit));
        response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    return response;
}

HttpResponse AmoAccountApi::user(AmoCall &call)
{
    const QJsonObject user = call.account.users.value(call.idParam(0));
    if (user.isEmpty())
        return HttpResponse::noContent();
    return HttpResponse::json(200, QJsonDocument(renderUser(call, user, Entities::withList(call))));
}

} // namespace Sandbox::AmoCrm
