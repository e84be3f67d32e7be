// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Problem.h"
#include "Transform.h"
#include "crm/CrmSchema.h"
#include "crm/DealDraft.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Mapping {

/**
 * Where a row's value goes: a standard field of the deal/contact/company, or a custom field by id.
 * A custom target with no id names a field still to be created (fieldName, fieldType, createEnums):
 * see missingFields(). For an existing field, fieldName/fieldType are what the field was called and
 * was when the row was saved, so the validator can tell the operator about renames and type changes.
 */
struct FieldTarget
{
    enum class Kind {
        Unset,
        DealName,
        DealPrice,
        DealResponsible,
        DealTags,
        ContactName,
        ContactFirstName,
        ContactLastName,
        ContactPhone,
        ContactEmail,
        CompanyName,
        CustomField
    };
    Kind kind = Kind::Unset;
    Crm::Entity entity = Crm::Entity::Deal; ///< CustomField only; the standard kinds imply it
    QString fieldId;
    QString fieldName;
    QString fieldType;
    QString enumCode; ///< "WORK", "MOB" … for phones, emails and multitext fields
    QStringList createEnums; ///< the values of a select field still to be created

    static FieldTarget standard(Kind kind, const QString &enumCode = {});
    static FieldTarget custom(const Crm::CustomField &field, const QString &enumCode = {});
    static FieldTarget toCreate(Crm::Entity entity, const QString &name, const QString &type);

    Crm::Entity targetEntity() const;
    bool isSet() const { return kind != Kind::Unset; }
    /** Several rows may feed it (tags, phones, emails, multi-value fields). */
    bool acceptsSeveralRows() const;
    /** A stable key for duplicate detection: "deal.price", "contact.field:123", "deal.new:Город". */
    QString key() const;
    /** For people: "Deal: price", "Contact: “Должность”". */
    QString describe() const;

    static QString kindName(Kind kind);
    static bool kindFromName(const QString &name, Kind *kind);
    QJsonObject toJson() const;
    static Common::Result<FieldTarget> fromJson(const QJsonObject &json);
    bool operator==(const FieldTarget &) const = default;
};

/** One row of the field grid: source path → transform → target, with its update policy. */
struct FieldRow
{
    QString id;
    QString
        source; ///< a Model::SourceFieldCatalogue path; may be empty with a Constant or Template transform
    FieldTarget target;
    Transform transform;
    Crm::UpdatePolicy policy = Crm::UpdatePolicy::Always;
    bool skipEmpty = true; ///< an empty value leaves the CRM field alone instead of clearing it
    bool active = true;

    QJsonObject toJson() const;
    static Common::Result<FieldRow> fromJson(const QJsonObject &json);
    bool operator==(const FieldRow &) const = default;
};

/**
 * The field grid for one kind of record (orders or forms) plus its templates: the deal name, the
 * tags and the note. Value type; edited as a copy and saved through Mapping::MappingRepo.
 */
struct FieldMap
{
    enum class NoteMode { None, Cart, FormFields, Template };

    SourceKind kind = SourceKind::Order;
    QList<FieldRow> rows;
    QString dealNameTemplate; ///< "Order #{order.num}"; an active DealName row wins over it
    QStringList tagTemplates; ///< each renders one tag; empty results are dropped
    NoteMode noteMode = NoteMode::Cart;
    QString noteTemplate; ///< NoteMode::Template

    const FieldRow *row(const QString &id) const;

    /** A usable grid for miniShop2 orders, using schema fields that match by name or code. */
    static FieldMap defaultsForOrders(const Crm::CrmSchema &schema);
    /** A usable grid for web forms. */
    static FieldMap defaultsForForms(const Crm::CrmSchema &schema);
    /**
     * Active rows that send a shop value (by source path: "order.delivery.name" → the shop's
     * delivery names) into a select field get a lookup table that matches each shop value to the
     * field's value sharing most words with it («Курьером по городу» → «Курьер», «Картой онлайн» →
     * «Онлайн картой»), so the default grid does not drop them. Values with no match are left out
     * of the table: the operator sees them in the lookup editor. Returns how many rows changed.
     */
    int matchChoices(const Crm::CrmSchema &schema, const QHash<QString, QStringList> &shopValues);

    static QString noteModeName(NoteMode mode);
    QJsonObject toJson() const;
    static Common::Result<FieldMap> fromJson(const QJsonObject &json);
    bool operator==(const FieldMap &) const = default;
};

} // namespace Mapping
