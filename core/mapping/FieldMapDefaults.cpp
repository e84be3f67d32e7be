// SPDX-License-Identifier: GPL-3.0-or-later
// The seeded field grids of a fresh install (FieldMap::defaultsForOrders / defaultsForForms).
#include "CrmTexts.h"
#include "FieldMap.h"
#include "MappingLog.h"
#include "model/SourceFieldCatalogue.h"

#include <QRegularExpression>
#include <QSet>

namespace Mapping {

using Kind = FieldTarget::Kind;
using TKind = Transform::Kind;

namespace {

/** A custom field the defaults use when the account has it (by code, then by name). */
struct CustomSpec
{
    const char *source;
    Crm::Entity entity;
    QStringList codes;
    QStringList names;
    const char *createName; // QT_TRANSLATE_NOOP: the field to create when the operator allows it
    const char *createType;
    TKind transform;
};

const QList<CustomSpec> &orderSpecs()
{
    static const QList<CustomSpec> s_specs = {
        { "order.num",
          Crm::Entity::Deal,
          { QStringLiteral("ORDER_NUM"), QStringLiteral("ORDER_NUMBER") },
          { QStringLiteral("Номер заказа"), QStringLiteral("№ заказа"), QStringLiteral("Order number") },
          QT_TRANSLATE_NOOP("Mapping", "Order number"),
          "text",
          TKind::Trim },
        { "order.delivery.name",
          Crm::Entity::Deal,
          { QStringLiteral("DELIVERY") },
          { QStringLiteral("Доставка"), QStringLiteral("Способ доставки"), QStringLiteral("Delivery"),
            QStringLiteral("Delivery method") },
          QT_TRANSLATE_NOOP("Mapping", "Delivery method"),
          "text",
          TKind::Trim },
        { "order.payment.name",
          Crm::Entity::Deal,
          { QStringLiteral("PAYMENT") },
          { QStringLiteral("Оплата"), QStringLiteral("Способ оплаты"), QStringLiteral("Payment"),
            QStringLiteral("Payment method") },
          QT_TRANSLATE_NOOP("Mapping", "Payment method"),
          "text",
          TKind::Trim },
        { "order.delivery_cost",
          Crm::Entity::Deal,
          { QStringLiteral("DELIVERY_COST") },
          { QStringLiteral("Стоимость доставки"), QStringLiteral("Delivery cost") },
          QT_TRANSLATE_NOOP("Mapping", "Delivery cost"),
          "numeric",
          TKind::Number },
        { "address.full",
          Crm::Entity::Deal,
          { QStringLiteral("ADDRESS") },
          { QStringLiteral("Адрес доставки"), QStringLiteral("Адрес"), QStringLiteral("Delivery address"),
            QStringLiteral("Address") },
          QT_TRANSLATE_NOOP("Mapping", "Delivery address"),
          "textarea",
          TKind::Trim },
        { "order.comment",
          Crm::Entity::Deal,
          { QStringLiteral("COMMENT") },
          { QStringLiteral("Комментарий"), QStringLiteral("Комментарий к заказу"),
            QStringLiteral("Comment") },
          QT_TRANSLATE_NOOP("Mapping", "Order comment"),
          "textarea",
          TKind::Trim },
        { "order.weight",
          Crm::Entity::Deal,
          { QStringLiteral("WEIGHT") },
          { QStringLiteral("Вес"), QStringLiteral("Weight") },
          QT_TRANSLATE_NOOP("Mapping", "Weight"),
          "numeric",
          TKind::Number },
    };
    return s_specs;
}

const QList<CustomSpec> &formSpecs()
{
    static const QList<CustomSpec> s_specs = {
        { "form.page_url",
          Crm::Entity::Deal,
          { QStringLiteral("PAGE_URL") },
          { QStringLiteral("Страница"), QStringLiteral("Страница заявки"), QStringLiteral("Page URL") },
          QT_TRANSLATE_NOOP("Mapping", "Page URL"),
          "url",
          TKind::Trim },
    };
    return s_specs;
}

// amoCRM's predefined UTM fields carry the codes UTM_SOURCE …; elsewhere they are created as text.
const QList<CustomSpec> &utmSpecs()
{
    static const QList<CustomSpec> s_specs = {
        { "utm.source",
          Crm::Entity::Deal,
          { QStringLiteral("UTM_SOURCE") },
          { QStringLiteral("utm_source") },
          "utm_source",
          "text",
          TKind::Trim },
        { "utm.medium",
          Crm::Entity::Deal,
          { QStringLiteral("UTM_MEDIUM") },
          { QStringLiteral("utm_medium") },
          "utm_medium",
          "text",
          TKind::Trim },
        { "utm.campaign",
          Crm::Entity::Deal,
          { QStringLiteral("UTM_CAMPAIGN") },
          { QStringLiteral("utm_campaign") },
          "utm_campaign",
          "text",
          TKind::Trim },
        { "utm.content",
          Crm::Entity::Deal,
          { QStringLiteral("UTM_CONTENT") },
          { QStringLiteral("utm_content") },
          "utm_content",
          "text",
          TKind::Trim },
        { "utm.term",
          Crm::Entity::Deal,
          { QStringLiteral("UTM_TERM") },
          { QStringLiteral("utm_term") },
          "utm_term",
          "text",
          TKind::Trim },
    };
    return s_specs;
}

class Seeder
{
public:
    Seeder(const Crm::CrmSchema &schema, const QString &prefix)
        : m_schema(schema)
        , m_prefix(prefix)
    { }

    void standard(const QString &source, Kind kind, TKind transform, Crm::UpdatePolicy policy,
                  const QString &enumCode = {})
    {
        FieldRow row = make(source, transform);
        row.target = FieldTarget::standard(kind, enumCode);
        row.policy = policy;
        m_map.rows.append(row);
    }

    void custom(const CustomSpec &spec)
    {
        FieldRow row = make(QLatin1String(spec.source), spec.transform);
        const Crm::CustomField *field = nullptr;
        for (const QString &code : spec.codes) {
            if (!field)
                field = m_schema.fieldByCode(spec.entity, code);
        }
        for (const QString &name : spec.names) {
            if (!field)
                field = m_schema.fieldByName(spec.entity, name);
        }
        if (field) {
            row.target = FieldTarget::custom(*field);
        } else {
            // Not in the account: an inactive row that auto-create can fulfil once switched on.
            row.target = FieldTarget::toCreate(spec.entity, Text::tr(spec.createName),
                                               QLatin1String(spec.createType));
            row.active = false;
        }
        m_map.rows.append(row);
    }

    /** An inactive row without a target for every catalogue path not used yet. */
    void remaining(const QList<Model::SourceField> &catalogue)
    {
        for (const Model::SourceField &f : catalogue) {
            const bool used = std::any_of(m_map.rows.cbegin(), m_map.rows.cend(),
                                          [&f](const FieldRow &r) { return r.source == f.path; });
            if (used)
                continue;
            FieldRow row = make(f.path, TKind::None);
            row.active = false;
            m_map.rows.append(row);
        }
    }

    FieldMap &map() { return m_map; }

private:
    FieldRow make(const QString &source, TKind transform)
    {
        FieldRow row;
        row.id = m_prefix + QString::number(m_map.rows.size() + 1);
        row.source = source;
        row.transform = Transform::of(transform);
        return row;
    }

    const Crm::CrmSchema &m_schema;
    QString m_prefix;
    FieldMap m_map;
};

void seedContact(Seeder &seeder)
{
    seeder.standard(QStringLiteral("customer.name"), Kind::ContactName, TKind::Trim,
                    Crm::UpdatePolicy::OnlyIfEmpty);
    seeder.standard(QStringLiteral("customer.phone"), Kind::ContactPhone, TKind::Phone,
                    Crm::UpdatePolicy::Always, QStringLiteral("WORK"));
    seeder.standard(QStringLiteral("customer.email"), Kind::ContactEmail, TKind::Email,
                    Crm::UpdatePolicy::Always, QStringLiteral("WORK"));
}

/** The words of a name, cut to their first five letters: «Курьером по городу» → {курье, город}. */
QSet<QString> stems(const QString &name)
{
    QString text = name.toLower();
    text.replace(QChar(0x0451), QChar(0x0435));
    QSet<QString> words;
    for (const QString &word : text.split(
             QRegularExpression(QStringLiteral("[^\\w]+"), QRegularExpression::UseUnicodePropertiesOption),
             Qt::SkipEmptyParts)) {
        if (word.size() >= 3)
            words.insert(word.left(5));
    }
    return words;
}

} // namespace

int FieldMap::matchChoices(const Crm::CrmSchema &schema, const QHash<QString, QStringList> &shopValues)
{
    int changed = 0;
    for (FieldRow &row : rows) {
        if (!row.active || row.target.kind != FieldTarget::Kind::CustomField
            || !shopValues.contains(row.source)
            || (row.transform.kind != TKind::None && row.transform.kind != TKind::Trim))
            continue;
        const Crm::CustomField *field = schema.field(row.target.fieldId);
        if (!field || !field->isEnumType())
            continue;
        QMap<QString, QString> table;
        for (const QString &value : shopValues.value(row.source)) {
            const QSet<QString> words = stems(value);
            int best = 0;
            QString match;
            for (const Crm::FieldEnum &option : field->enums) {
                const int shared = int(QSet<QString>(words).intersect(stems(option.value)).size());
                if (shared > best) {
                    best = shared;
                    match = option.value;
                }
            }
            if (!match.isEmpty())
                table.insert(value, match);
        }
        row.transform = Transform::lookup(table);
        ++changed;
    }
    return changed;
}

FieldMap FieldMap::defaultsForOrders(const Crm::CrmSchema &schema)
{
    Seeder seeder(schema, QStringLiteral("o"));
    seedContact(seeder);
    seeder.standard(QStringLiteral("order.cost"), Kind::DealPrice, TKind::Number, Crm::UpdatePolicy::Always);
    for (const CustomSpec &spec : orderSpecs())
        seeder.custom(spec);
    for (const CustomSpec &spec : utmSpecs())
        seeder.custom(spec);
    // A legal-entity buyer (Bitrix) brings its company; empty for private buyers, so the row then skips.
    seeder.standard(QStringLiteral("customer.company"), Kind::CompanyName, TKind::Trim,
                    Crm::UpdatePolicy::OnlyIfEmpty);
    seeder.remaining(Model::SourceFieldCatalogue::forOrders());
    FieldMap &map = seeder.map();
    map.kind = SourceKind::Order;
    map.dealNameTemplate = CrmTexts::forLanguage(CrmTexts::languageOf(schema)).orderNameTemplate();
    map.tagTemplates = { QStringLiteral("{utm.source}") };
    map.noteMode = NoteMode::Cart;
    return map;
}

FieldMap FieldMap::defaultsForForms(const Crm::CrmSchema &schema)
{
    Seeder seeder(schema, QStringLiteral("f"));
    seedContact(seeder);
    for (const CustomSpec &spec : formSpecs())
        seeder.custom(spec);
    for (const CustomSpec &spec : utmSpecs())
        seeder.custom(spec);
    seeder.remaining(Model::SourceFieldCatalogue::forForms());
    FieldMap &map = seeder.map();
    map.kind = SourceKind::Form;
    map.dealNameTemplate = CrmTexts::forLanguage(CrmTexts::languageOf(schema)).formNameTemplate();
    map.tagTemplates = { QStringLiteral("{form.name}"), QStringLiteral("{utm.source}") };
    map.noteMode = NoteMode::FormFields;
    return map;
}

} // namespace Mapping
