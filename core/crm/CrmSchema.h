// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace Crm {

// Every id in the schema (pipeline, stage, field, enum, user) is a QString: amoCRM's numbers are
// written in decimal ("142"), RetailCRM's symbolic codes ("new", "complete") are kept as they are.

/** Which CRM entity a custom field belongs to. */
enum class Entity { Deal, Contact, Company, Customer };
QString entityName(Entity entity); ///< "deal", "contact", "company", "customer"
bool entityFromName(const QString &name, Entity *entity);

/** What a stage means to the CRM: amoCRM's 142 is won and 143 lost in every pipeline. */
enum class StageKind { Normal, Unsorted, Won, Lost };
QString stageKindName(StageKind kind);
bool stageKindFromName(const QString &name, StageKind *kind);

struct Stage
{
    QString id;
    QString name;
    QString colour; ///< "#rrggbb"
    int sort = 0;
    StageKind kind = StageKind::Normal;
    bool operator==(const Stage &) const = default;
};

struct Pipeline
{
    QString id;
    QString name;
    int sort = 0;
    bool isMain = false;
    QList<Stage> stages;

    const Stage *stage(const QString &stageId) const;
    bool operator==(const Pipeline &) const = default;
};

/** One value of a select/multiselect/radiobutton field, or a PHONE/EMAIL kind (code "WORK"). */
struct FieldEnum
{
    QString id;
    QString value;
    QString code; ///< may be empty
    int sort = 0;
    bool operator==(const FieldEnum &) const = default;
};

/**
 * A custom field as the CRM describes it. The type string is kept exactly as the CRM said it
 * ("text", "numeric", "select", "multitext", "date", "tracking_data" …); unknown types are kept
 * and treated as text by the mapping.
 */
struct CustomField
{
    QString id;
    Entity entity = Entity::Deal;
    QString name;
    QString code; ///< "PHONE", "EMAIL", "UTM_SOURCE" … or empty
    QString type;
    int sort = 0;
    QList<FieldEnum> enums;

    const FieldEnum *enumById(const QString &enumId) const;
    /** By value text (case-insensitive), then by code. */
    const FieldEnum *enumByValueOrCode(const QString &text) const;
    bool isEnumType() const; ///< select, multiselect, radiobutton, category
    bool isMultiValue() const; ///< multitext, multiselect, items
    bool isNumericType() const; ///< numeric, price, monetary
    bool isDateType() const; ///< date, date_time, birthday
    bool isCheckbox() const;
    bool operator==(const CustomField &) const = default;
};

struct CrmUser
{
    QString id;
    QString name;
    QString email;
    bool active = true;
    bool operator==(const CrmUser &) const = default;
};

/**
 * A CRM account's schema: pipelines with stages, custom fields per entity, users. Filled by a
 * connector from the CRM's API, cached in the store as JSON, read by the mapping. Plain value type.
 */
struct CrmSchema
{
    QString crm; ///< "amocrm", "retailcrm"
    QString language; ///< the account's language ("ru", "en"), empty when the CRM does not say
    QDateTime fetchedAt;
    QList<Pipeline> pipelines;
    QList<CustomField> fields;
    QList<CrmUser> users;
    /** Named code lists the CRM checks values against (RetailCRM: "delivery-types", "payment-types",
     *  "payment-statuses", "order-types", "order-methods", "sites"); id = the code. Empty for amoCRM. */
    QMap<QString, QList<FieldEnum>> dictionaries;

    const Pipeline *pipeline(const QString &id) const;
    const Pipeline *mainPipeline() const;
    const Stage *stage(const QString &pipelineId, const QString &stageId) const;
    const CustomField *field(const QString &id) const;
    const CustomField *fieldByCode(Entity entity, const QString &code) const;
    const CustomField *fieldByName(Entity entity, const QString &name) const; ///< case-insensitive
    QList<CustomField> fieldsOf(Entity entity) const;
    const CrmUser *user(const QString &id) const;
    /** The entry of dictionary @p name with code @p code, or nullptr. */
    const FieldEnum *dictionaryEntry(const QString &name, const QString &code) const;

    QJsonObject toJson() const;
    static Common::Result<CrmSchema> fromJson(const QJsonObject &json);
    bool operator==(const CrmSchema &) const = default;
};

/** One thing that changed between two fetches of a schema and can break a mapping. */
struct SchemaChange
{
    enum class Kind {
        FieldRenamed,
        FieldDeleted,
        FieldTypeChanged,
        EnumValueGone,
        StageGone,
        StageRenamed,
        PipelineGone,
        UserDeactivated,
        UserGone
    };
    Kind kind = Kind::FieldRenamed;
    QString subjectId; ///< the field, stage, pipeline or user id
    QString pipelineId; ///< for stages
    QString enumId; ///< for enum values
    QString before; ///< old name/type/value
    QString after; ///< new name/type, empty when gone

    static QString kindName(Kind kind);
    /** A translated sentence for the operator ("Field “Город” (123) was deleted"). */
    QString describe() const;
    bool operator==(const SchemaChange &) const = default;
};

/** What changed between two schemas; see diff(). */
struct CrmSchemaDiff
{
    QList<SchemaChange> changes;

    bool isEmpty() const { return changes.isEmpty(); }
    QList<SchemaChange> about(SchemaChange::Kind kind) const;
    const SchemaChange *find(SchemaChange::Kind kind, const QString &subjectId) const;
};

CrmSchemaDiff diff(const CrmSchema &before, const CrmSchema &after);

} // namespace Crm
