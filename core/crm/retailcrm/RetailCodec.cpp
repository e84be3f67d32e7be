// SPDX-License-Identifier: GPL-3.0-or-later
#include "RetailCodec.h"

#include "common/PhoneNumber.h"

#include <QJsonDocument>
#include <algorithm>

namespace Crm::RetailCrm::RetailCodec {

namespace {

const QString kDateTimeFormat = QStringLiteral("yyyy-MM-dd HH:mm:ss");

bool isNever(const QMap<QString, UpdatePolicy> &policies, const QString &name)
{
    return policies.value(name, UpdatePolicy::Always) == UpdatePolicy::Never;
}

/** "Иван Петров" as one first name unless the mapping split it: RetailCRM shows it as typed. */
void putNames(QJsonObject &o, const DraftContact &contact)
{
    QString first = contact.firstName;
    QString last = contact.lastName;
    if (first.isEmpty() && last.isEmpty())
        first = contact.name;
    if (!first.isEmpty())
        o.insert(QStringLiteral("firstName"), first);
    if (!last.isEmpty())
        o.insert(QStringLiteral("lastName"), last);
}

QJsonValue fieldValueJson(const DraftField &field)
{
    if (field.values.isEmpty())
        return QJsonValue::Null;
    QJsonArray many;
    for (const FieldValue &v : field.values) {
        switch (v.kind) {
        case FieldValue::Kind::Number:
            if (field.fieldType == QLatin1String("date"))
                many.append(
                    QDateTime::fromSecsSinceEpoch(qint64(v.number)).toString(QStringLiteral("yyyy-MM-dd")));
            else
                many.append(v.number);
            break;
        case FieldValue::Kind::Bool:
            many.append(v.number != 0);
            break;
        case FieldValue::Kind::EnumId:
            many.append(v.enumId);
            break;
        case FieldValue::Kind::Text:
            many.append(v.text);
            break;
        }
    }
    if (many.size() == 1)
        return many.first();
    if (field.fieldType == QLatin1String("multiselect"))
        return many;
    QStringList texts;
    for (const QJsonValue &v : std::as_const(many))
        texts << v.toVariant().toString();
    return texts.join(QLatin1String(", "));
}

QJsonObject addressJson(const Model::Address &a)
{
    QJsonObject o;
    const QList<QPair<const char *, QString>> parts {
        { "index", a.index },    { "countryIso", QString() }, { "region", a.region }, { "city", a.city },
        { "street", a.street },  { "building", a.building },  { "flat", a.room },     { "floor", a.floor },
        { "block", a.entrance }, { "metro", a.metro },        { "notes", a.comment },
    };
    for (const auto &[key, value] : parts) {
        if (!value.trimmed().isEmpty())
            o.insert(QLatin1String(key), value.trimmed());
    }
    QString text = a.text.trimmed();
    if (text.isEmpty()) {
        QStringList pieces;
        for (const QString &p : { a.index, a.region, a.city, a.street, a.building, a.room }) {
            if (!p.trimmed().isEmpty())
                pieces << p.trimmed();
        }
        text = pieces.join(QLatin1String(", "));
    }
    if (!text.isEmpty())
        o.insert(QStringLiteral("text"), text);
    return o;
}

/** The catalogue offer of a cart line: a msOptionsPrice2 modification, else the product itself. */
QJsonObject offerOf(const Model::OrderLine &line)
{
    const QString modification = line.options.value(QLatin1String("modification")).toVariant().toString();
    if (!modification.isEmpty() && modification != QLatin1String("0"))
        return { { QStringLiteral("externalId"),
                   QStringLiteral("mod-%1-%2").arg(line.productId, modification) } };
    return { { QStringLiteral("externalId"), line.productId } };
}

QJsonArray itemsJson(const QList<Model::OrderLine> &lines)
{
    QJsonArray items;
    for (const Model::OrderLine &line : lines) {
        QJsonObject item { { QStringLiteral("offer"), offerOf(line) },
                           { QStringLiteral("productName"), line.name },
                           { QStringLiteral("initialPrice"), line.price },
                           { QStringLiteral("quantity"), line.quantity } };
        QJsonArray properties;
        if (!line.article.isEmpty())
            properties.append(QJsonObject { { QStringLiteral("code"), QStringLiteral("article") },
                                            { QStringLiteral("name"), QStringLiteral("Артикул") },
                                            { QStringLiteral("value"), line.article } });
        for (auto it = line.options.begin(); it != line.options.end(); ++it) {
            const QString value
                = it.value().isString() ? it.value().toString() : it.value().toVariant().toString();
            if (it.key() == QLatin1String("modification") || value.isEmpty())
                continue;
            properties.append(
                QJsonObject { { QStringLiteral("name"), it.key() }, { QStringLiteral("value"), value } });
        }
        if (!properties.isEmpty())
            item.insert(QStringLiteral("properties"), properties);
        items.append(item);
    }
    return items;
}

QString nameOf(const QJsonObject &entry)
{
    return entry.value(QLatin1String("name")).toString(entry.value(QLatin1String("code")).toString());
}

QList<FieldEnum> dictionaryOf(const QJsonObject &byCode)
{
    QList<FieldEnum> out;
    for (auto it = byCode.begin(); it != byCode.end(); ++it) {
        const QJsonObject e = it.value().toObject();
        if (!e.value(QLatin1String("active")).toBool(true))
            continue;
        out.append({ it.key(), nameOf(e), it.key(), e.value(QLatin1String("ordering")).toInt() });
    }
    std::sort(out.begin(), out.end(), [](const FieldEnum &a, const FieldEnum &b) {
        return a.sort == b.sort ? a.id < b.id : a.sort < b.sort;
    });
    return out;
}

QString fieldType(const QString &retailType)
{
    static const QMap<QString, QString> types { { QStringLiteral("string"), QStringLiteral("text") },
                                                { QStringLiteral("email"), QStringLiteral("text") },
                                                { QStringLiteral("text"), QStringLiteral("textarea") },
                                                { QStringLiteral("integer"), QStringLiteral("numeric") },
                                                { QStringLiteral("numeric"), QStringLiteral("numeric") },
                                                { QStringLiteral("boolean"), QStringLiteral("checkbox") },
                                                { QStringLiteral("date"), QStringLiteral("date") },
                                                { QStringLiteral("dictionary"), QStringLiteral("select") },
                                                { QStringLiteral("multiselect_dictionary"),
                                                  QStringLiteral("multiselect") } };
    return types.value(retailType, retailType);
}

} // namespace

QDateTime parseDateTime(const QString &text)
{
    QDateTime at = QDateTime::fromString(text, kDateTimeFormat);
    if (!at.isValid())
        at = QDateTime::fromString(text, Qt::ISODate);
    return at;
}

QString formatDateTime(const QDateTime &at)
{
    return at.toLocalTime().toString(kDateTimeFormat);
}

QString externalIdOf(const DealDraft &draft)
{
    if (draft.order && !draft.order->number.isEmpty())
        return QString(draft.order->number).replace(QLatin1Char('/'), QLatin1Char('-'));
    if (!draft.sourceKind.isEmpty() && !draft.sourceId.isEmpty())
        return draft.sourceKind + QLatin1Char('-') + draft.sourceId;
    return QString(draft.deal.externalId).replace(QLatin1Char(':'), QLatin1Char('-'));
}

QJsonObject customerJson(const DraftContact &contact, const QString &shopUserId)
{
    QJsonObject o;
    if (!shopUserId.isEmpty() && shopUserId != QLatin1String("0"))
        o.insert(QStringLiteral("externalId"), shopUserId);
    putNames(o, contact);
    if (!contact.emails.isEmpty())
        o.insert(QStringLiteral("email"), contact.emails.first().value);
    QJsonArray phones;
    for (const ContactChannel &p : contact.phones)
        phones.append(QJsonObject { { QStringLiteral("number"), p.value } });
    if (!phones.isEmpty())
        o.insert(QStringLiteral("phones"), phones);
    const QJsonObject fields = customFieldsJson(contact.fields);
    if (!fields.isEmpty())
        o.insert(QStringLiteral("customFields"), fields);
    return o;
}

QJsonObject customFieldsJson(const QList<DraftField> &fields)
{
    QJsonObject out;
    for (const DraftField &f : fields)
        out.insert(f.fieldId, fieldValueJson(f));
    return out;
}

QJsonObject orderJson(const DealDraft &draft, const QString &externalId, const QString &customerId,
                      bool update)
{
    QJsonObject o;
    if (!update)
        o.insert(QStringLiteral("externalId"), externalId);
    if (!draft.deal.stageId.isEmpty() && !update)
        o.insert(QStringLiteral("status"), draft.deal.stageId);
    const DraftContact &contact = draft.contact;
    if (!update || !isNever(contact.policies, QStringLiteral("name")))
        putNames(o, contact);
    if (!contact.phones.isEmpty() && (!update || !isNever(contact.policies, QStringLiteral("phone"))))
        o.insert(QStringLiteral("phone"), contact.phones.first().value);
    if (!contact.emails.isEmpty() && (!update || !isNever(contact.policies, QStringLiteral("email"))))
        o.insert(QStringLiteral("email"), contact.emails.first().value);
    if (!customerId.isEmpty())
        o.insert(QStringLiteral("customer"),
                 QJsonObject { { QStringLiteral("id"), customerId.toLongLong() } });

    QList<DraftField> fields = draft.deal.fields;
    if (update)
        fields.removeIf([](const DraftField &f) { return f.policy == UpdatePolicy::Never; });
    const QJsonObject custom = customFieldsJson(fields);
    if (!custom.isEmpty())
        o.insert(QStringLiteral("customFields"), custom);

    if (!draft.order) {
        // A web form: a request without a cart, its fields in the comment.
        if (!draft.note.isEmpty() && !update)
            o.insert(QStringLiteral("customerComment"), draft.note);
        return o;
    }
    const DraftOrder &order = *draft.order;
    if (!update) {
        o.insert(QStringLiteral("number"), order.number);
        if (order.createdAt.isValid())
            o.insert(QStringLiteral("createdAt"), formatDateTime(order.createdAt));
        o.insert(QStringLiteral("items"), itemsJson(order.lines));
    }
    QJsonObject delivery { { QStringLiteral("cost"), order.deliveryCost } };
    if (!order.deliveryCode.isEmpty())
        delivery.insert(QStringLiteral("code"), order.deliveryCode);
    const QJsonObject address = addressJson(order.address);
    if (!address.isEmpty())
        delivery.insert(QStringLiteral("address"), address);
    o.insert(QStringLiteral("delivery"), delivery);
    if (!order.paymentCode.isEmpty() && !update) {
        QJsonObject payment { { QStringLiteral("type"), order.paymentCode } };
        if (order.paid && !order.paidStatusCode.isEmpty())
            payment.insert(QStringLiteral("status"), order.paidStatusCode);
        o.insert(QStringLiteral("payments"), QJsonArray { payment });
    }
    if (order.discount > 0)
        o.insert(QStringLiteral("discountManualAmount"), order.discount);
    if (order.weight > 0)
        o.insert(QStringLiteral("weight"), order.weight);
    if (!order.comment.isEmpty())
        o.insert(QStringLiteral("customerComment"), order.comment);
    return o;
}

QString customFieldEntity(Entity entity)
{
    switch (entity) {
    case Entity::Deal:
        return QStringLiteral("order");
    case Entity::Contact:
        return QStringLiteral("customer");
    case Entity::Company:
    case Entity::Customer:
        break;
    }
    return {};
}

QString retailFieldType(const QString &neutralType)
{
    static const QMap<QString, QString> types {
        { QStringLiteral("textarea"), QStringLiteral("text") },
        { QStringLiteral("numeric"), QStringLiteral("numeric") },
        { QStringLiteral("price"), QStringLiteral("numeric") },
        { QStringLiteral("monetary"), QStringLiteral("numeric") },
        { QStringLiteral("checkbox"), QStringLiteral("boolean") },
        { QStringLiteral("date"), QStringLiteral("date") },
        { QStringLiteral("date_time"), QStringLiteral("date") },
        { QStringLiteral("birthday"), QStringLiteral("date") },
    };
    return types.value(neutralType, QStringLiteral("string"));
}

QString fieldCodeFor(const QString &name, const QStringList &taken)
{
    static const QMap<QChar, QString> latin = [] {
        const QString from = QStringLiteral("абвгдеёжзийклмнопрстуфхцчшщъыьэюя");
        const QStringList to { "a",  "b",  "v",  "g",  "d",    "e", "e", "zh", "z", "i",  "y",
                               "k",  "l",  "m",  "n",  "o",    "p", "r", "s",  "t", "u",  "f",
                               "kh", "ts", "ch", "sh", "shch", "",  "y", "",   "e", "yu", "ya" };
        QMap<QChar, QString> map;
        for (qsizetype i = 0; i < from.size(); ++i)
            map.insert(from[i], to[i]);
        return map;
    }();
    QString code;
    for (const QChar ch : name.toLower()) {
        const QString part = latin.contains(ch)                                  ? latin.value(ch)
            : (ch >= QLatin1Char('a') && ch <= QLatin1Char('z')) || ch.isDigit() ? QString(ch)
                                                                                 : QStringLiteral("_");
        if (part == QLatin1String("_") && (code.isEmpty() || code.endsWith(QLatin1Char('_'))))
            continue;
        code += part;
    }
    code = code.left(40);
    while (code.endsWith(QLatin1Char('_')))
        code.chop(1);
    if (code.isEmpty())
        code = QStringLiteral("field");
    QString unique = code;
    for (int n = 2; taken.contains(unique); ++n)
        unique = code + QLatin1Char('_') + QString::number(n);
    return unique;
}

QJsonObject customFieldJson(const CustomField &field, const QString &code)
{
    QJsonObject o { { QStringLiteral("name"), field.name },
                    { QStringLiteral("code"), code },
                    { QStringLiteral("type"), retailFieldType(field.type) },
                    { QStringLiteral("inFilter"), true },
                    { QStringLiteral("inList"), true } };
    if (field.sort > 0)
        o.insert(QStringLiteral("ordering"), field.sort);
    return o;
}

CrmSchema schemaFrom(const References &refs, const QDateTime &fetchedAt)
{
    CrmSchema schema;
    schema.crm = QStringLiteral("retailcrm");
    // RetailCRM has no account language in its API; its accounts (and this product's users) are Russian.
    schema.language = QStringLiteral("ru");
    schema.fetchedAt = fetchedAt;
    Pipeline pipeline;
    pipeline.id = kPipelineId;
    pipeline.name = nameOf(refs.sites.value(refs.site).toObject());
    if (pipeline.name.isEmpty())
        pipeline.name = QStringLiteral("Заказы");
    pipeline.isMain = true;
    for (auto it = refs.statuses.begin(); it != refs.statuses.end(); ++it) {
        const QJsonObject s = it.value().toObject();
        if (!s.value(QLatin1String("active")).toBool(true))
            continue;
        const QString group = s.value(QLatin1String("group")).toString();
        const int groupOrder
            = refs.statusGroups.value(group).toObject().value(QLatin1String("ordering")).toInt();
        Stage stage;
        stage.id = it.key();
        stage.name = nameOf(s);
        stage.sort = groupOrder * 1000 + s.value(QLatin1String("ordering")).toInt();
        stage.kind = group == QLatin1String("complete") ? StageKind::Won
            : group == QLatin1String("cancel")          ? StageKind::Lost
                                                        : StageKind::Normal;
        pipeline.stages.append(stage);
    }
    std::sort(pipeline.stages.begin(), pipeline.stages.end(), [](const Stage &a, const Stage &b) {
        return a.sort == b.sort ? a.id < b.id : a.sort < b.sort;
    });
    schema.pipelines.append(pipeline);

    for (const QJsonValue &v : refs.customFields) {
        const QJsonObject f = v.toObject();
        const QString entity = f.value(QLatin1String("entity")).toString();
        if (entity != QLatin1String("order") && entity != QLatin1String("customer"))
            continue;
        CustomField field;
        field.id = f.value(QLatin1String("code")).toString();
        field.code = field.id;
        field.name = nameOf(f);
        field.entity = entity == QLatin1String("order") ? Entity::Deal : Entity::Contact;
        field.type = fieldType(f.value(QLatin1String("type")).toString());
        field.sort = f.value(QLatin1String("ordering")).toInt();
        if (!field.id.isEmpty())
            schema.fields.append(field);
    }
    for (const QJsonValue &v : refs.users) {
        const QJsonObject u = v.toObject();
        CrmUser user;
        user.id = QString::number(u.value(QLatin1String("id")).toInteger());
        user.email = u.value(QLatin1String("email")).toString();
        user.name = QStringList { u.value(QLatin1String("firstName")).toString(),
                                  u.value(QLatin1String("lastName")).toString() }
                        .join(QLatin1Char(' '))
                        .simplified();
        if (user.name.isEmpty())
            user.name = user.email;
        user.active = u.value(QLatin1String("active")).toBool(true);
        if (user.id != QLatin1String("0"))
            schema.users.append(user);
    }
    for (auto it = refs.dictionaries.cbegin(); it != refs.dictionaries.cend(); ++it)
        schema.dictionaries.insert(it.key(), dictionaryOf(it.value()));
    schema.dictionaries.insert(QStringLiteral("sites"), dictionaryOf(refs.sites));
    return schema;
}

std::optional<Model::StatusChange> stageChange(const QJsonObject &entry)
{
    if (entry.value(QLatin1String("field")).toString() != QLatin1String("status")
        || entry.value(QLatin1String("created")).toBool()
        || entry.value(QLatin1String("apiKey")).toObject().value(QLatin1String("current")).toBool())
        return std::nullopt;
    const QJsonObject order = entry.value(QLatin1String("order")).toObject();
    const QString to
        = entry.value(QLatin1String("newValue")).toObject().value(QLatin1String("code")).toString();
    if (order.isEmpty() || to.isEmpty())
        return std::nullopt;
    Model::StatusChange change;
    change.origin = Model::StatusChange::Origin::Crm;
    change.orderId = QString::number(order.value(QLatin1String("id")).toInteger());
    change.orderNumber
        = order.value(QLatin1String("number")).toString(order.value(QLatin1String("externalId")).toString());
    change.fromStatus
        = entry.value(QLatin1String("oldValue")).toObject().value(QLatin1String("code")).toString();
    change.toStatus = to;
    change.pipelineId = kPipelineId;
    change.fromPipelineId = kPipelineId;
    change.at = parseDateTime(entry.value(QLatin1String("createdAt")).toString());
    change.eventId = QString::number(entry.value(QLatin1String("id")).toInteger());
    return change;
}

QList<QJsonObject> paymentsOf(const QJsonObject &order)
{
    const QJsonValue payments = order.value(QLatin1String("payments"));
    QList<QJsonObject> out;
    if (payments.isArray()) {
        for (const QJsonValue &p : payments.toArray())
            out.append(p.toObject());
    } else {
        for (const QJsonValue &p : payments.toObject())
            out.append(p.toObject());
    }
    std::stable_sort(out.begin(), out.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(QLatin1String("id")).toInteger() < b.value(QLatin1String("id")).toInteger();
    });
    return out;
}

ContactSummary contactSummary(const QJsonObject &c, const QString &region)
{
    ContactSummary s;
    s.contactId = QString::number(c.value(QLatin1String("id")).toInteger());
    s.name = QStringList { c.value(QLatin1String("firstName")).toString(),
                           c.value(QLatin1String("lastName")).toString() }
                 .join(QLatin1Char(' '))
                 .simplified();
    for (const QJsonValue &p : c.value(QLatin1String("phones")).toArray()) {
        if (auto e164
            = Common::PhoneNumber::toE164(p.toObject().value(QLatin1String("number")).toString(), region))
            s.phones << e164.value();
    }
    const QString email = Common::normaliseEmail(c.value(QLatin1String("email")).toString());
    if (!email.isEmpty())
        s.emails << email;
    const QDateTime created = parseDateTime(c.value(QLatin1String("createdAt")).toString());
    s.updatedAt = created.isValid() ? created.toSecsSinceEpoch() : 0;
    return s;
}

} // namespace Crm::RetailCrm::RetailCodec
