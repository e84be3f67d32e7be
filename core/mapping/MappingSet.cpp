// SPDX-License-Identifier: GPL-3.0-or-later
#include "MappingSet.h"

#include "MappingLog.h"
#include "MappingValidator.h"
#include "MissingFields.h"

#include <QJsonArray>

namespace Mapping {

using Common::Error;
using Common::Result;

static const QLatin1String kFormat("crmbridge.mapping");

MappingSet::MappingSet()
{
    orders.kind = SourceKind::Order;
    forms.kind = SourceKind::Form;
    forms.noteMode = FieldMap::NoteMode::FormFields;
}

MappingSet MappingSet::defaults(const Crm::CrmSchema &schema)
{
    MappingSet set;
    set.crm = schema.crm;
    set.orders = FieldMap::defaultsForOrders(schema);
    set.forms = FieldMap::defaultsForForms(schema);
    return set;
}

QJsonObject MappingSet::toJson() const
{
    QJsonObject json { { QStringLiteral("format"), kFormat },
                       { QStringLiteral("version"), kFormatVersion },
                       { QStringLiteral("crm"), crm },
                       { QStringLiteral("phone_region"), phoneRegion },
                       { QStringLiteral("orders"), orders.toJson() },
                       { QStringLiteral("forms"), forms.toJson() },
                       { QStringLiteral("statuses"), statuses.toJson() },
                       { QStringLiteral("routing"), routing.toJson() },
                       { QStringLiteral("form_routing"), formRouting.toJson() } };
    if (!codes.isEmpty())
        json.insert(QStringLiteral("codes"), codes.toJson());
    if (!language.isEmpty())
        json.insert(QStringLiteral("language"), language);
    return json;
}

Result<MappingSet> MappingSet::fromJson(const QJsonObject &json, const Crm::CrmSchema *schema,
                                        const std::function<bool(Crm::Entity)> &mayCreate)
{
    auto invalid = [](const QString &message) {
        return Error::invalidInput(Text::tr("The mapping file is not valid: %1").arg(message),
                                   QStringLiteral("mapping-invalid"));
    };
    if (json.value(QLatin1String("format")).toString() != kFormat)
        return invalid(Text::tr("it is not a CRM Bridge mapping (no \"format\": \"%1\")").arg(kFormat));
    const int version = json.value(QLatin1String("version")).toInt();
    if (version < 1)
        return invalid(Text::tr("it has no format version"));
    if (version > kFormatVersion) {
        return invalid(Text::tr("it was written by a newer CRM Bridge (format %1; this one reads up to %2)")
                           .arg(version)
                           .arg(kFormatVersion));
    }
    MappingSet set;
    set.crm = json.value(QLatin1String("crm")).toString();
    set.phoneRegion = json.value(QLatin1String("phone_region")).toString(QStringLiteral("RU"));
    set.language = json.value(QLatin1String("language")).toString();
    if (!set.language.isEmpty() && set.language != QLatin1String("ru") && set.language != QLatin1String("en"))
        return invalid(Text::tr("\"language\" is \"%1\"; CRM Bridge writes into a CRM in \"ru\" or \"en\"")
                           .arg(set.language));

    auto orders = FieldMap::fromJson(json.value(QLatin1String("orders")).toObject());
    if (!orders)
        return invalid(orders.error().message);
    if (orders->kind != SourceKind::Order)
        return invalid(QStringLiteral("\"orders\" is not an order field map"));
    set.orders = orders.value();
    auto forms = FieldMap::fromJson(json.value(QLatin1String("forms")).toObject());
    if (!forms)
        return invalid(forms.error().message);
    if (forms->kind != SourceKind::Form)
        return invalid(QStringLiteral("\"forms\" is not a form field map"));
    set.forms = forms.value();
    auto statuses = StatusMap::fromJson(json.value(QLatin1String("statuses")).toObject());
    if (!statuses)
        return invalid(statuses.error().message);
    set.statuses = statuses.value();
    auto routing = CategoryRouting::fromJson(json.value(QLatin1String("routing")).toObject());
    if (!routing)
        return invalid(routing.error().message);
    set.routing = routing.value();
    set.formRouting = FormRouting::fromJson(json.value(QLatin1String("form_routing")).toObject());
    auto codes = CodeMaps::fromJson(json.value(QLatin1String("codes")).toObject());
    if (!codes)
        return invalid(codes.error().message);
    set.codes = codes.value();

    QList<Problem> problems
        = schema ? MappingValidator::validate(set, *schema) : MappingValidator::validateStructure(set);
    QStringList creatable; // rows naming a field the bridge may create
    if (schema && mayCreate) {
        for (const FieldSpec &spec : missingFields(set, *schema)) {
            if (mayCreate(spec.entity))
                creatable << spec.rowIds;
        }
    }
    problems.removeIf([&](const Problem &p) {
        return !p.isError() || (p.code == QLatin1String("field-missing") && creatable.contains(p.rowId));
    });
    if (!problems.isEmpty()) {
        Error error = invalid(summarise(problems));
        QJsonArray details;
        for (const Problem &p : problems)
            details.append(p.toJson());
        error.details.insert(QStringLiteral("problems"), details);
        return error;
    }
    return set;
}

} // namespace Mapping
