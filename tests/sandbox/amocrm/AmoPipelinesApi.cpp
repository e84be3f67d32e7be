// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmoPipelinesApi.h"

#include "AmoContext.h"
#include "AmoEntities.h"

namespace Sandbox::AmoCrm {

namespace {

constexpr int kMaxPipelines = 50;
constexpr int kMaxStatuses = 100;

QJsonObject makeStatus(AmoAccount &account, qint64 id, qint64 pipelineId, const QString &name, int sort,
                       const QString &color, int type, bool editable)
{
    return QJsonObject { { "id", id },
                         { "name", name },
                         { "sort", sort },
                         { "is_editable", editable },
                         { "pipeline_id", pipelineId },
                         { "color", color },
                         { "type", type },
                         { "account_id", account.id } };
}

QJsonArray statusArray(const QJsonObject &pipeline)
{
    return pipeline.value("_embedded").toObject().value("statuses").toArray();
}

void setStatuses(QJsonObject &pipeline, QJsonArray statuses)
{
    QList<QJsonValue> list(statuses.begin(), statuses.end());
    std::stable_sort(list.begin(), list.end(), [](const QJsonValue &a, const QJsonValue &b) {
        return a.toObject().value("sort").toInt() < b.toObject().value("sort").toInt();
    });
    QJsonArray sorted;
    for (const QJsonValue &v : list)
        sorted.append(v);
    Entities::setEmbedded(pipeline, QStringLiteral("statuses"), sorted);
}

} // namespace

QJsonObject AmoPipelinesApi::makePipeline(AmoAccount &account, const QString &name, bool isMain, int sort,
                                          const QList<QPair<QString, QString>> &stages)
{
    const qint64 id = account.allocateId(QStringLiteral("pipeline"));
    QJsonArray statuses;
    statuses.append(makeStatus(account, account.allocateId(QStringLiteral("status")), id,
                               QStringLiteral("Неразобранное"), 10, QStringLiteral("#c1c1c1"), 1, false));
    int stageSort = 20;
    for (const auto &[stageName, color] : stages) {
        statuses.append(makeStatus(account, account.allocateId(QStringLiteral("status")), id, stageName,
                                   stageSort, color, 0, true));
        stageSort += 10;
    }
    statuses.append(makeStatus(account, 142, id, QStringLiteral("Успешно реализовано"), 10000,
                               QStringLiteral("#CCFF66"), 0, false));
    statuses.append(makeStatus(account, 143, id, QStringLiteral("Закрыто и не реализовано"), 11000,
                               QStringLiteral("#D5D8DB"), 0, false));
    if (isMain) {
        for (QJsonObject &p : account.pipelines)
            p.insert("is_main", false);
    }
    QJsonObject pipeline { { "id", id },
                           { "name", name },
                           { "sort", sort },
                           { "is_main", isMain },
                           { "is_unsorted_on", true },
                           { "is_archive", false },
                           { "account_id", account.id } };
    setStatuses(pipeline, statuses);
    account.pipelines.insert(id, pipeline);
    return pipeline;
}

AmoPipelinesApi::AmoPipelinesApi(AmoContext &context, AmoRouter &router)
    : m_context(context)
{
    const QString base = QStringLiteral("/api/v4/leads/pipelines");
    router.add("GET", base, [this](AmoCall &c) { return list(c); });
    router.add("POST", base, [this](AmoCall &c) { return add(c); });
    router.add("GET", base + "/{id}", [this](AmoCall &c) { return get(c); });
    router.add("PATCH", base + "/{id}", [this](AmoCall &c) { return patch(c); });
    router.add("DELETE", base + "/{id}", [this](AmoCall &c) { return remove(c); });
    router.add("GET", base + "/{id}/statuses", [this](AmoCall &c) { return statuses(c); });
    router.add("POST", base + "/{id}/statuses", [this](AmoCall &c) { return addStatuses(c); });
    router.add("GET", base + "/{id}/statuses/{id}", [this](AmoCall &c) { return status(c); });
    router.add("PATCH", base + "/{id}/statuses/{id}", [this](AmoCall &c) { return patchStatus(c); });
    router.add("DELETE", base + "/{id}/statuses/{id}", [this](AmoCall &c) { return removeStatus(c); });
}

QJsonObject AmoPipelinesApi::renderStatus(const AmoCall &call, const QJsonObject &stored) const
{
    QJsonObject status = stored;
    status.insert("_links",
                  Entities::selfLink(call.link(QStringLiteral("/api/v4/leads/pipelines/%1/statuses/%2")
                                                   .arg(stored.value("pipeline_id").toInteger())
                                                   .arg(stored.value("id").toInteger()))));
    return status;
}

QJsonObject AmoPipelinesApi::renderPipeline(const AmoCall &call, const QJsonObject &stored) const
{
    QJsonObject pipeline = stored;
    pipeline.insert("_links",
                    Entities::selfLink(call.link(
                        QStringLiteral("/api/v4/leads/pipelines/%1").arg(stored.value("id").toInteger()))));
    QJsonArray statuses;
    for (const QJsonValue &s : statusArray(stored))
        statuses.append(renderStatus(call, s.toObject()));
    Entities::setEmbedded(pipeline, QStringLiteral("statuses"), statuses);
    return pipeline;
}

HttpResponse AmoPipelinesApi::list(AmoCall &call)
{
    QList<QJsonObject> sorted = call.account.pipelines.values();
    std::stable_sort(sorted.begin(), sorted.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value("sort").toInt() < b.value("sort").toInt();
    });
    QJsonArray items;
    for (const QJsonObject &p : std::as_const(sorted))
        items.append(renderPipeline(call, p));
    if (items.isEmpty())
        return HttpResponse::noContent();
    const QJsonObject body { { "_total_items", items.size() },
                             { "_links",
                               Entities::selfLink(call.link(QStringLiteral("/api/v4/leads/pipelines"))) },
                             { "_embedded", QJsonObject { { "pipelines", items } } } };
    return HttpResponse::json(200, QJsonDocument(body));
}

HttpResponse AmoPipelinesApi::get(AmoCall &call)
{
    const QJsonObject pipeline = call.account.pipelines.value(call.idParam(0));
    if (pipeline.isEmpty())
        return HttpResponse::noContent();
    return HttpResponse::json(200, QJsonDocument(renderPipeline(call, pipeline)));
}

HttpResponse AmoPipelinesApi::add(AmoCall &call)
{
    QJsonArray items;
    if (auto error = Entities::readBatch(call, kMaxPipelines, &items))
        return *error;
    if (call.account.pipelines.size() + items.size() > kMaxPipelines)
        return Errors::problem(400, QStringLiteral("Maximum %1 pipelines per account").arg(kMaxPipelines));
    ValidationErrors errors;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items[i].toObject();
        if (item.value("name").toString().trimmed().isEmpty())
            errors.add(Entities::requestIdOf(item, i), QStringLiteral("NotBlank"), QStringLiteral("name"),
                       QStringLiteral("This value should not be blank."));
    }
    if (!errors.isEmpty())
        return errors.response();
    QJsonArray out;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items[i].toObject();
        QList<QPair<QString, QString>> stages;
        for (const QJsonValue &s : item.value("_embedded").toObject().value("statuses").toArray()) {
            const QJsonObject st = s.toObject();
            const qint64 sid = st.value("id").toInteger();
            if (sid == 142 || sid == 143 || st.value("type").toInt() == 1)
                continue;
            stages.append(
                { st.value("name").toString(), st.value("color").toString(QStringLiteral("#99ccff")) });
        }
        QJsonObject pipeline
            = makePipeline(call.account, item.value("name").toString(), item.value("is_main").toBool(),
                           item.value("sort").toInt(100 + int(i)), stages);
        pipeline.insert("is_unsorted_on", item.value("is_unsorted_on").toBool(true));
        call.account.pipelines.insert(pipeline.value("id").toInteger(), pipeline);
        QJsonObject rendered = renderPipeline(call, pipeline);
        rendered.insert("request_id", Entities::requestIdOf(item, i));
        out.append(rendered);
    }
    const QJsonObject body { { "_total_items", out.size() },
                             { "_embedded", QJsonObject { { "pipelines", out } } } };
    return HttpResponse::json(200, QJsonDocument(body));
}

HttpResponse AmoPipelinesApi::patch(AmoCall &call)
{
    QJsonObject input;
    if (auto error = Entities::readObject(call, &input))
        return *error;
    auto &pipelines = call.account.pipelines;
    const qint64 id = call.idParam(0);
    if (!pipelines.contains(id))
        return Errors::problem(404, QStringLiteral("Pipeline not found"));
    if (input.value("is_main").toBool()) {
        for (QJsonObject &p : pipelines)
            p.insert("is_main", false);
    }
    QJsonObject &pipeline = pipelines[id];
    for (const char *key : { "name", "sort", "is_main", "is_unsorted_on" }) {
        if (input.contains(QLatin1String(key)))
            pipeline.insert(QLatin1String(key), input.value(QLatin1String(key)));
    }
    return HttpResponse::json(200, QJsonDocument(renderPipeline(call, pipeline)));
}

HttpResponse AmoPipelinesApi::remove(AmoCall &call)
{
    const qint64 id = call.idParam(0);
    if (!call.account.pipelines.contains(id))
        return Errors::problem(404, QStringLiteral("Pipeline not found"));
    if (call.account.pipelines.value(id).value("is_main").toBool())
        return Errors::problem(400, QStringLiteral("Main pipeline can not be deleted"));
    for (const QJsonObject &lead : std::as_const(call.account.leads)) {
        if (lead.value("pipeline_id").toInteger() == id && !lead.value("is_deleted").toBool())
            return Errors::problem(400, QStringLiteral("Pipeline has leads"));
    }
    call.account.pipelines.remove(id);
    return HttpResponse::noContent();
}

HttpResponse AmoPipelinesApi::statuses(AmoCall &call)
{
    const QJsonObject pipeline = call.account.pipelines.value(call.idParam(0));
    if (pipeline.isEmpty())
        return HttpResponse::noContent();
    QJsonArray items;
    for (const QJsonValue &s : statusArray(pipeline))
        items.append(renderStatus(call, s.toObject()));
    const QJsonObject body {
        { "_total_items", items.size() },
        { "_links",
          Entities::selfLink(
              call.link(QStringLiteral("/api/v4/leads/pipelines/%1/statuses").arg(call.idParam(0)))) },
        { "_embedded", QJsonObject { { "statuses", items } } }
    };
    return HttpResponse::json(200, QJsonDocument(body));
}

HttpResponse AmoPipelinesApi::status(AmoCall &call)
{
    const QJsonObject status = call.account.findStatus(call.idParam(0), call.idParam(1));
    if (status.isEmpty())
        return HttpResponse::noContent();
    return HttpResponse::json(200, QJsonDocument(renderStatus(call, status)));
}

HttpResponse AmoPipelinesApi::addStatuses(AmoCall &call)
{
    QJsonArray items;
    if (auto error = Entities::readBatch(call, kMaxStatuses, &items))
        return *error;
    const qint64 pipelineId = call.idParam(0);
    if (!call.account.pipelines.contains(pipelineId))
        return Errors::problem(404, QStringLiteral("Pipeline not found"));
    QJsonObject &pipeline = call.account.pipelines[pipelineId];
    QJsonArray statuses = statusArray(pipeline);
    if (statuses.size() + items.size() > kMaxStatuses)
        return Errors::problem(400, QStringLiteral("Maximum %1 statuses per pipeline").arg(kMaxStatuses));
    QJsonArray out;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items[i].toObject();
        QJsonObject status
            = makeStatus(call.account, call.account.allocateId(QStringLiteral("status")), pipelineId,
                         item.value("name").toString(), item.value("sort").toInt(500 + int(i) * 10),
                         item.value("color").toString(QStringLiteral("#99ccff")), 0, true);
        statuses.append(status);
        status = renderStatus(call, status);
        status.insert("request_id", Entities::requestIdOf(item, i));
        out.append(status);
    }
    setStatuses(pipeline, statuses);
    const QJsonObject body { { "_total_items", out.size() },
                             { "_embedded", QJsonObject { { "statuses", out } } } };
    return HttpResponse::json(200, QJsonDocument(body));
}

HttpResponse AmoPipelinesApi::patchStatus(AmoCall &call)
{
    QJsonObject input;
    if (auto error = Entities::readObject(call, &input))
        return *error;
    const qint64 pipelineId = call.idParam(0);
    const qint64 statusId = call.idParam(1);
    if (call.account.findStatus(pipelineId, statusId).isEmpty())
        return Errors::problem(404, QStringLiteral("Status not found"));
    QJsonObject &pipeline = call.account.pipelines[pipelineId];
    QJsonArray statuses = statusArray(pipeline);
    QJsonObject updated;
    for (qsizetype i = 0; i < statuses.size(); ++i) {
        QJsonObject s = statuses[i].toObject();
        if (s.value("id").toInteger() != statusId)
            continue;
        if (!s.value("is_editable").toBool())
            return Errors::problem(400, QStringLiteral("Status is not editable"));
        for (const char *key : { "name", "sort", "color" }) {
            if (input.contains(QLatin1String(key)))
                s.insert(QLatin1String(key), input.value(QLatin1String(key)));
        }
        statuses[i] = s;
        updated = s;
    }
    setStatuses(pipeline, statuses);
    return HttpResponse::json(200, QJsonDocument(renderStatus(call, updated)));
}

HttpResponse AmoPipelinesApi::removeStatus(AmoCall &call)
{
    const qint64 pipelineId = call.idParam(0);
    const qint64 statusId = call.idParam(1);
    const QJsonObject status = call.account.findStatus(pipelineId, statusId);
    if (status.isEmpty())
        return Errors::problem(404, QStringLiteral("Status not found"));
    if (!status.value("is_editable").toBool())
        return Errors::problem(400, QStringLiteral("Status can not be deleted"));
    QJsonObject &pipeline = call.account.pipelines[pipelineId];
    QJsonArray statuses;
    for (const QJsonValue &s : statusArray(pipeline)) {
        if (s.toObject().value("id").toInteger() != statusId)
            statuses.append(s);
    }
    setStatuses(pipeline, statuses);
    return HttpResponse::noContent();
}

} // namespace Sandbox::AmoCrm
