// SPDX-License-Identifier: GPL-3.0-or-later
#include "RetailCustomFieldsApi.h"

#include "RetailCustomFields.h"
#include "RetailStore.h"
#include "common/QueryParams.h"

#include <algorithm>

namespace Sandbox::RetailCrm {

namespace {

bool knownEntity(const QString &entity, HttpResponse *error)
{
    if (RetailCustomFields::entities().contains(entity))
        return true;
    *error = Reply::error(
        400, QStringLiteral("Errors in the input parameters"),
        QJsonObject { { "entity", QStringLiteral("The value you selected is not a valid choice.") } });
    return false;
}

} // namespace

RetailCustomFieldsApi::RetailCustomFieldsApi(RetailStore &store, RetailRouter &router)
    : m_store(store)
{
    router.add("GET", "/api/v5/custom-fields", [this](RetailCall &c) { return list(c); });
    router.add("POST", "/api/v5/custom-fields/{*}/create", [this](RetailCall &c) { return create(c); });
    router.add("POST", "/api/v5/custom-fields/{*}/{*}/edit", [this](RetailCall &c) { return edit(c); });
    router.add("GET", "/api/v5/custom-fields/{*}/{*}", [this](RetailCall &c) { return get(c); });
}

HttpResponse RetailCustomFieldsApi::list(RetailCall &call)
{
    const QJsonObject f = call.filter();
    const QString entity = f.value("entity").toString();
    const QString code = f.value("code").toString();
    const QString name = f.value("name").toString();
    const QStringList types = listParam(f.value("type"));
    QJsonArray all;
    for (const QString &e : RetailCustomFields::entities()) {
        if (!entity.isEmpty() && e != entity)
            continue;
        QList<QJsonObject> fields;
        for (const QJsonObject &field : m_store.customFields.value(e)) {
            if ((!code.isEmpty() && field.value("code").toString() != code)
                || (!name.isEmpty() && !field.value("name").toString().contains(name, Qt::CaseInsensitive))
                || (!types.isEmpty() && !types.contains(field.value("type").toString())))
                continue;
            fields.append(field);
        }
        // As the account orders them: by ordering, then code.
        std::sort(fields.begin(), fields.end(), [](const QJsonObject &a, const QJsonObject &b) {
            const int oa = a.value("ordering").toInt(), ob = b.value("ordering").toInt();
            return oa == ob ? a.value("code").toString() < b.value("code").toString() : oa < ob;
        });
        for (const QJsonObject &field : std::as_const(fields))
            all.append(field);
    }
    QJsonArray page;
    QJsonObject pagination;
    HttpResponse error;
    if (!paginate(call, all, &page, &pagination, &error))
        return error;
    return Reply::ok({ { "pagination", pagination }, { "customFields", page } });
}

HttpResponse RetailCustomFieldsApi::get(RetailCall &call)
{
    const QJsonObject field = m_store.customFields.value(call.args.value(0)).value(call.args.value(1));
    if (field.isEmpty())
        return Reply::notFound();
    return Reply::ok({ { "customField", field } });
}

HttpResponse RetailCustomFieldsApi::create(RetailCall &call)
{
    const QString entity = call.args.value(0);
    QJsonValue input;
    HttpResponse error;
    if (!knownEntity(entity, &error) || !jsonParam(call, "customField", &input, &error))
        return error;
    QJsonObject errors;
    const QJsonObject field = RetailCustomFields::create(m_store, entity, input.toObject(), &errors);
    if (field.isEmpty())
        return Reply::invalid(errors);
    return Reply::ok({ { "code", field.value("code") } }, 201);
}

HttpResponse RetailCustomFieldsApi::edit(RetailCall &call)
{
    const QString entity = call.args.value(0);
    QJsonValue input;
    HttpResponse error;
    if (!knownEntity(entity, &error) || !jsonParam(call, "customField", &input, &error))
        return error;
    if (input.toObject().contains("name") && input.toObject().value("name").toString().trimmed().isEmpty())
        return Reply::invalid({ { "name", QStringLiteral("This value should not be blank.") } });
    const QJsonObject field = RetailCustomFields::edit(m_store, entity, call.args.value(1), input.toObject());
    if (field.isEmpty())
        return Reply::notFound();
    return Reply::ok({ { "code", field.value("code") } });
}

} // namespace Sandbox::RetailCrm
