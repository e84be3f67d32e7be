// SPDX-License-Identifier: GPL-3.0-or-later
#include "RetailUsersApi.h"

#include "RetailStore.h"

#include <optional>

namespace Sandbox::RetailCrm {

namespace {

/** A filter flag given as 1/0 or true/false; unset when absent. */
std::optional<bool> flag(const QJsonObject &filter, const char *key)
{
    const QString v = filter.value(QLatin1String(key)).toString();
    if (v.isEmpty())
        return std::nullopt;
    return v == QLatin1String("1") || v == QLatin1String("true");
}

} // namespace

RetailUsersApi::RetailUsersApi(RetailStore &store, RetailRouter &router)
    : m_store(store)
{
    router.add("GET", "/api/v5/users", [this](RetailCall &c) { return list(c); });
    router.add("GET", "/api/v5/users/{id}", [this](RetailCall &c) {
        const auto it = m_store.users.constFind(c.args.value(0).toLongLong());
        if (it == m_store.users.cend())
            return Reply::notFound();
        return Reply::ok({ { "user", *it } });
    });
}

HttpResponse RetailUsersApi::list(RetailCall &call)
{
    const QJsonObject f = call.filter();
    const auto active = flag(f, "active");
    const auto manager = flag(f, "isManager");
    const QString email = f.value("email").toString();
    QJsonArray all;
    for (const QJsonObject &u : std::as_const(m_store.users)) {
        if ((active && u.value("active").toBool() != *active)
            || (manager && u.value("isManager").toBool() != *manager)
            || (!email.isEmpty() && u.value("email").toString().compare(email, Qt::CaseInsensitive) != 0))
            continue;
        all.append(u);
    }
    QJsonArray page;
    QJsonObject pagination;
    HttpResponse error;
    if (!paginate(call, all, &page, &pagination, &error))
        return error;
    return Reply::ok({ { "pagination", pagination }, { "users", page } });
}

} // namespace Sandbox::RetailCrm
