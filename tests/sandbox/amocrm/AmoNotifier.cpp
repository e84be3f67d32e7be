// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmoNotifier.h"

#include "AmoContext.h"
#include "common/HttpTypes.h"
#include "common/SandboxClock.h"

#include <QRandomGenerator>

namespace Sandbox::AmoCrm {

namespace {

QString str(const QJsonValue &v)
{
    if (v.isDouble())
        return QString::number(v.toInteger());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("1") : QStringLiteral("0");
    if (v.isNull() || v.isUndefined())
        return QString();
    return v.toString();
}

QJsonArray one(const char *key, const QJsonObject &value)
{
    return QJsonArray { QJsonObject { { QLatin1String(key), value } } };
}

QJsonObject fieldValue(const QJsonObject &cf)
{
    const QJsonObject first = cf.value("values").toArray().first().toObject();
    QJsonObject value { { "field_id", cf.value("field_id") } };
    if (first.contains("enum_id"))
        value.insert("enum_id", first.value("enum_id"));
    value.insert("text", str(first.value("value")));
    return value;
}

QHash<qint64, QJsonObject> fieldsById(const QJsonObject &entity)
{
    QHash<qint64, QJsonObject> out;
    for (const QJsonValue &v : entity.value("custom_fields_values").toArray())
        out.insert(v.toObject().value("field_id").toInteger(), v.toObject());
    return out;
}

} // namespace

AmoNotifier::AmoNotifier(AmoContext &context)
    : m_context(context)
{ }

QString AmoNotifier::singular(const QString &type)
{
    if (type == QLatin1String("leads"))
        return QStringLiteral("lead");
    if (type == QLatin1String("contacts"))
        return QStringLiteral("contact");
    if (type == QLatin1String("companies"))
        return QStringLiteral("company");
    if (type == QLatin1String("customers"))
        return QStringLiteral("customer");
    return type;
}

QString AmoNotifier::nextEventId()
{
    // ULID-like: 10 characters of millisecond time, then a sequence and some noise, Crockford base32.
    static const char alphabet[] = "0123456789abcdefghjkmnpqrstvwxyz";
    QString id;
    quint64 t = quint64(m_context.clock.nowMs());
    for (int i = 0; i < 10; ++i, t >>= 5)
        id.prepend(QLatin1Char(alphabet[t & 31]));
    quint64 tail
        = (quint64(++m_eventSeq) << 40) | (QRandomGenerator::global()->generate64() & 0xFFFFFFFFFFull);
    QString rest;
    for (int i = 0; i < 16; ++i, tail >>= 5)
        rest.prepend(QLatin1Char(alphabet[tail & 31]));
    return id + rest;
}

void AmoNotifier::addEvent(AmoAccount &account, const QString &type, const QString &entityType,
                           qint64 entityId, const QJsonArray &before, const QJsonArray &after, qint64 by)
{
    account.events.append(QJsonObject { { "id", nextEventId() },
                                        { "type", type },
                                        { "entity_id", entityId },
                                        { "entity_type", entityType },
                                        { "created_by", by },
                                        { "created_at", m_context.now() },
                                        { "value_after", after },
                                        { "value_before", before },
                                        { "account_id", account.id } });
}

void AmoNotifier::entityAdded(AmoAccount &account, const QString &type, const QJsonObject &entity, qint64 by)
{
    const QString one_ = singular(type);
    const qint64 id = entity.value("id").toInteger();
    QJsonArray after;
    if (type == QLatin1String("leads")) {
        after = one("lead_status",
                    QJsonObject { { "id", entity.value("status_id") },
                                  { "pipeline_id", entity.value("pipeline_id") } });
    }
    addEvent(account, one_ + QStringLiteral("_added"), one_, id, {}, after, by);
    const QString group = type == QLatin1String("companies") ? QStringLiteral("contacts") : type;
    dispatch(account, QStringLiteral("add_") + one_, group + QStringLiteral("[add][0]"),
             [&] { return entityFields(account, type, entity); });
}

void AmoNotifier::entityUpdated(AmoAccount &account, const QString &type, const QJsonObject &before,
                                const QJsonObject &after, qint64 by)
{
    const QString one_ = singular(type);
    const qint64 id = after.value("id").toInteger();
    const QString group = type == QLatin1String("companies") ? QStringLiteral("contacts") : type;
    bool changed = false;

    const bool statusChanged = type == QLatin1String("leads")
        && (before.value("status_id") != after.value("status_id")
            || before.value("pipeline_id") != after.value("pipeline_id"));
    if (statusChanged) {
        changed = true;
        addEvent(account, QStringLiteral("lead_status_changed"), one_, id,
                 one("lead_status",
                     QJsonObject { { "id", before.value("status_id") },
                                   { "pipeline_id", before.value("pipeline_id") } }),
                 one("lead_status",
                     QJsonObject { { "id", after.value("status_id") },
                                   { "pipeline_id", after.value("pipeline_id") } }),
                 by);
        Fields fields = entityFields(account, type, after);
        fields.append(
            QPair<QString, QString>(QStringLiteral("[old_status_id]"), str(before.value("status_id"))));
        fields.append(
            QPair<QString, QString>(QStringLiteral("[old_pipeline_id]"), str(before.value("pipeline_id"))));
        dispatch(account, QStringLiteral("status_lead"), QStringLiteral("leads[status][0]"),
                 [&fields] { return fields; });
    }
    if (before.value("name") != after.value("name")) {
        changed = true;
        addEvent(account, QStringLiteral("name_field_changed"), one_, id,
                 one("name_field_value", QJsonObject { { "name", before.value("name") } }),
                 one("name_field_value", QJsonObject { { "name", after.value("name") } }), by);
    }
    if (type == QLatin1String("leads") && before.value("price") != after.value("price")) {
        changed = true;
        addEvent(account, QStringLiteral("sale_field_changed"), one_, id,
                 one("sale_field_value", QJsonObject { { "sale", before.value("price") } }),
                 one("sale_field_value", QJsonObject { { "sale", after.value("price") } }), by);
    }
    if (before.value("responsible_user_id") != after.value("responsible_user_id")) {
        changed = true;
        addEvent(account, QStringLiteral("entity_responsible_changed"), one_, id,
                 one("responsible_user", QJsonObject { { "id", before.value("responsible_user_id") } }),
                 one("responsible_user", QJsonObject { { "id", after.value("responsible_user_id") } }), by);
        dispatch(account, QStringLiteral("responsible_") + one_, group + QStringLiteral("[responsible][0]"),
                 [&] { return entityFields(account, type, after); });
    }
    const auto oldFields = fieldsById(before);
    const auto newFields = fieldsById(after);
    QSet<qint64> fieldIds;
    for (auto it = oldFields.cbegin(); it != oldFields.cend(); ++it)
        fieldIds.insert(it.key());
    for (auto it = newFields.cbegin(); it != newFields.cend(); ++it)
        fieldIds.insert(it.key());
    for (qint64 fieldId : fieldIds) {
        if (oldFields.value(fieldId).value("values") == newFields.value(fieldId).value("values"))
            continue;
        changed = true;
        const QJsonArray was = oldFields.contains(fieldId)
            ? one("custom_field_value", fieldValue(oldFields.value(fieldId)))
            : QJsonArray();
        const QJsonArray now = newFields.contains(fieldId)
            ? one("custom_field_value", fieldValue(newFields.value(fieldId)))
            : QJsonArray();
        addEvent(account, QStringLiteral("custom_field_%1_value_changed").arg(fieldId), one_, id, was, now,
                 by);
    }
    if (changed || before != after)
        dispatch(account, QStringLiteral("update_") + one_, group + QStringLiteral("[update][0]"),
                 [&] { return entityFields(account, type, after); });
}

void AmoNotifier::noteAdded(AmoAccount &account, const QJsonObject &note, qint64 by)
{
    const QString type = note.value("entity_type").toString();
    const QString one_ = singular(type);
    const QString noteType = note.value("note_type").toString();
    addEvent(account, noteType + QStringLiteral("_note_added"), one_, note.value("entity_id").toInteger(), {},
             one("note", QJsonObject { { "id", note.value("id") } }), by);
    static const QHash<QString, int> elementTypes {
        { "contacts", 1 }, { "leads", 2 }, { "companies", 3 }, { "customers", 12 }
    };
    const Fields fields { { "[note][id]", str(note.value("id")) },
                          { "[note][note_type]", noteType == QLatin1String("common") ? "4" : noteType },
                          { "[note][text]", note.value("params").toObject().value("text").toString() },
                          { "[note][element_id]", str(note.value("entity_id")) },
                          { "[note][element_type]", QString::number(elementTypes.value(type, 2)) },
                          { "[note][date_create]", str(note.value("created_at")) },
                          { "[note][last_modified]", str(note.value("updated_at")) },
                          { "[note][created_by]", str(note.value("created_by")) },
                          { "[note][main_user_id]", str(note.value("responsible_user_id")) },
                          { "[note][account_id]", QString::number(account.id) } };
    const QString group = type == QLatin1String("companies") ? QStringLiteral("contacts") : type;
    dispatch(account, QStringLiteral("note_") + one_, group + QStringLiteral("[note][0]"),
             [&fields] { return fields; });
}

AmoNotifier::Fields AmoNotifier::entityFields(AmoAccount &account, const QString &type,
                                              const QJsonObject &entity) const
{
    Fields f;
    f.append(QPair<QString, QString>("[id]", str(entity.value("id"))));
    f.append(QPair<QString, QString>("[name]", entity.value("name").toString()));
    if (type == QLatin1String("leads")) {
        f.append(QPair<QString, QString>("[status_id]", str(entity.value("status_id"))));
        f.append(QPair<QString, QString>("[price]", str(entity.value("price"))));
    }
    f.append(QPair<QString, QString>("[responsible_user_id]", str(entity.value("responsible_user_id"))));
    f.append(QPair<QString, QString>("[last_modified]", str(entity.value("updated_at"))));
    f.append(QPair<QString, QString>("[modified_user_id]", str(entity.value("updated_by"))));
    f.append(QPair<QString, QString>("[created_user_id]", str(entity.value("created_by"))));
    f.append(QPair<QString, QString>("[date_create]", str(entity.value("created_at"))));
    if (type == QLatin1String("leads"))
        f.append(QPair<QString, QString>("[pipeline_id]", str(entity.value("pipeline_id"))));
    if (type == QLatin1String("contacts") || type == QLatin1String("companies"))
        f.append(
            QPair<QString, QString>("[type]", type == QLatin1String("contacts") ? "contact" : "company"));
    if (type == QLatin1String("contacts")) {
        for (const QJsonObject &lead : std::as_const(account.leads)) {
            for (const QJsonValue &c : lead.value("_embedded").toObject().value("contacts").toArray()) {
                if (c.toObject().value("id") == entity.value("id")) {
                    const QString lid = str(lead.value("id"));
                    f.append(
                        QPair<QString, QString>(QStringLiteral("[linked_leads_id][%1][ID]").arg(lid), lid));
                }
            }
        }
    }
    f.append(QPair<QString, QString>("[account_id]", QString::number(account.id)));
    const QJsonArray tags = entity.value("_embedded").toObject().value("tags").toArray();
    for (qsizetype i = 0; i < tags.size(); ++i) {
        f.append(QPair<QString, QString>(QStringLiteral("[tags][%1][id]").arg(i),
                                         str(tags[i].toObject().value("id"))));
        f.append(QPair<QString, QString>(QStringLiteral("[tags][%1][name]").arg(i),
                                         tags[i].toObject().value("name").toString()));
    }
    const QJsonArray cfs = entity.value("custom_fields_values").toArray();
    for (qsizetype i = 0; i < cfs.size(); ++i) {
        const QJsonObject cf = cfs[i].toObject();
        const QString p = QStringLiteral("[custom_fields][%1]").arg(i);
        f.append(QPair<QString, QString>(p + "[id]", str(cf.value("field_id"))));
        f.append(QPair<QString, QString>(p + "[name]", cf.value("field_name").toString()));
        if (!cf.value("field_code").toString().isEmpty())
            f.append(QPair<QString, QString>(p + "[code]", cf.value("field_code").toString()));
        const QString fieldType = cf.value("field_type").toString();
        const bool dateLike = fieldType == QLatin1String("date") || fieldType == QLatin1String("birthday")
            || fieldType == QLatin1String("date_time");
        const QJsonArray values = cf.value("values").toArray();
        for (qsizetype j = 0; j < values.size(); ++j) {
            const QJsonObject v = values[j].toObject();
            const QString vp = p + QStringLiteral("[values][%1]").arg(j);
            if (dateLike) {
                f.append(QPair<QString, QString>(vp, str(v.value("value"))));
                continue;
            }
            f.append(QPair<QString, QString>(vp + "[value]", str(v.value("value"))));
            if (v.contains("enum_id") && !v.value("enum_id").isNull())
                f.append(QPair<QString, QString>(vp + "[enum]", str(v.value("enum_id"))));
        }
    }
    f.append(QPair<QString, QString>("[created_at]", str(entity.value("created_at"))));
    f.append(QPair<QString, QString>("[updated_at]", str(entity.value("updated_at"))));
    return f;
}

void AmoNotifier::dispatch(AmoAccount &account, const QString &setting, const QString &prefix,
                           const std::function<Fields()> &fields)
{
    QList<QJsonObject> hooks;
    for (const QJsonObject &hook : std::as_const(account.webhooks)) {
        if (hook.value("disabled").toBool())
            continue;
        bool subscribed = false;
        for (const QJsonValue &s : hook.value("settings").toArray())
            subscribed = subscribed || s.toString() == setting;
        if (subscribed)
            hooks.append(hook);
    }
    if (hooks.isEmpty())
        return;
    std::sort(hooks.begin(), hooks.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value("sort").toInt() < b.value("sort").toInt();
    });
    QList<QPair<QString, QString>> form;
    for (const auto &[suffix, value] : fields())
        form.append({ prefix + suffix, value });
    form.append({ "account[subdomain]", account.subdomain });
    form.append({ "account[id]", QString::number(account.id) });
    form.append({ "account[_links][self]", m_context.baseUrlFor(account.subdomain) });
    const QByteArray body = formEncode(form);
    for (const QJsonObject &hook : hooks) {
        m_context.sender.send(
            { account.subdomain, hook.value("id").toInteger(), hook.value("destination").toString() }, body,
            setting);
    }
}

bool AmoNotifier::webhookActive(const AmoWebhookSender::Target &target)
{
    AmoAccount *account = m_context.account(target.account);
    if (!account || !account->webhooks.contains(target.webhookId))
        return false;
    const QJsonObject hook = account->webhooks.value(target.webhookId);
    return !hook.value("disabled").toBool() && hook.value("destination").toString() == target.destination;
}

void AmoNotifier::webhookAttemptFinished(const AmoWebhookSender::Target &target, bool valid)
{
    if (valid)
        return;
    const QString key = target.account + QLatin1Char('/') + QString::number(target.webhookId);
    QList<qint64> &times = m_invalidAt[key];
    const qint64 now = m_context.clock.nowMs();
    times.append(now);
    while (!times.isEmpty() && times.first() < now - 2 * 3600 * 1000)
        times.removeFirst();
    // The latest answer is the invalid one just counted, so only the count matters here.
    if (times.size() <= m_disableThreshold)
        return;
    AmoAccount *account = m_context.account(target.account);
    if (!account || !account->webhooks.contains(target.webhookId))
        return;
    QJsonObject &hook = account->webhooks[target.webhookId];
    hook.insert("disabled", true);
    hook.insert("updated_at", m_context.now());
    times.clear();
}

} // namespace Sandbox::AmoCrm
