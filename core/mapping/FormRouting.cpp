// SPDX-License-Identifier: GPL-3.0-or-later
#include "FormRouting.h"

#include "MappingLog.h"

#include <QJsonArray>
#include <QSet>

namespace Mapping {

namespace {

QString str(const QJsonObject &json, const char *key)
{
    const QJsonValue v = json.value(QLatin1String(key));
    return v.isDouble() ? QString::number(qint64(v.toDouble())) : v.toString();
}

} // namespace

const FormRoute *FormRouting::routeFor(const QString &formName) const
{
    for (const FormRoute &route : forms) {
        if (route.formName == formName)
            return &route;
    }
    return nullptr;
}

QList<Problem> FormRouting::validate() const
{
    QList<Problem> problems;
    auto add = [&problems](const QString &rowId, const QString &code, const QString &message) {
        problems << Problem { Problem::Severity::Error, QStringLiteral("form-routing"), rowId, code,
                              message };
    };
    QSet<QString> seen;
    for (const FormRoute &route : forms) {
        if (route.formName.trimmed().isEmpty()) {
            add(route.formName, QStringLiteral("row-incomplete"), Text::tr("A form route names no form"));
            continue;
        }
        if (seen.contains(route.formName))
            add(route.formName, QStringLiteral("duplicate-row"),
                Text::tr("Form \u201c%1\u201d has two routes").arg(route.formName));
        seen.insert(route.formName);
        if (route.pipelineId.isEmpty() && route.responsibleUserId.isEmpty())
            add(route.formName, QStringLiteral("row-incomplete"),
                Text::tr("Neither a pipeline nor a responsible user is chosen"));
        else if (route.pipelineId.isEmpty() && !route.stageId.isEmpty())
            add(route.formName, QStringLiteral("row-incomplete"),
                Text::tr("A stage needs the pipeline it belongs to"));
    }
    return problems;
}

QJsonObject FormRouting::toJson() const
{
    QJsonObject json { { QStringLiteral("pipeline_id"), pipelineId },
                       { QStringLiteral("stage_id"), stageId },
                       { QStringLiteral("responsible_user_id"), responsibleUserId } };
    if (!forms.isEmpty()) {
        QJsonArray list;
        for (const FormRoute &route : forms)
            list.append(QJsonObject { { QStringLiteral("form"), route.formName },
                                      { QStringLiteral("pipeline_id"), route.pipelineId },
                                      { QStringLiteral("stage_id"), route.stageId },
                                      { QStringLiteral("responsible_user_id"), route.responsibleUserId } });
        json.insert(QStringLiteral("forms"), list);
    }
    return json;
}

FormRouting FormRouting::fromJson(const QJsonObject &json)
{
    FormRouting routing;
    routing.pipelineId = str(json, "pipeline_id");
    routing.stageId = str(json, "stage_id");
    routing.responsibleUserId = str(json, "responsible_user_id");
    for (const QJsonValue &value : json.value(QLatin1String("forms")).toArray()) {
        const QJsonObject route = value.toObject();
        routing.forms.append({ str(route, "form"), str(route, "pipeline_id"), str(route, "stage_id"),
                               str(route, "responsible_user_id") });
    }
    return routing;
}

} // namespace Mapping
