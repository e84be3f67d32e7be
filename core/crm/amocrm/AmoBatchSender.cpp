// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmoBatchSender.h"

#include "AmoTokens.h"

#include <QCoreApplication>

namespace Crm::AmoCrm::AmoBatchSender {

namespace {

constexpr int kMaxValidationRounds = 10;
constexpr int kMaxReconcileRounds = 3;

bool namesUnknownField(const QJsonArray &errors)
{
    for (const QJsonValue &v : errors) {
        const QString path = v.toObject().value("path").toString();
        if (path.endsWith(QLatin1String(".field_id")) || path.endsWith(QLatin1String(".field_code")))
            return true;
    }
    return false;
}

} // namespace

Read readEmbedded(const QString &key)
{
    return [key](const QJsonValue &answer, const QList<EncodedItem> &sent) {
        QHash<QString, ItemOutcome> out;
        const QJsonArray list = AmoApiClient::embedded(answer, key);
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QJsonObject o = list[i].toObject();
            QString rid = o.value("request_id").toVariant().toString();
            if (rid.isEmpty() && i < sent.size())
                rid = sent[i].requestId;
            ItemOutcome outcome;
            outcome.dealId = QString::number(o.value("id").toInteger());
            out.insert(rid, outcome);
        }
        return out;
    };
}

ItemOutcome failed(const EncodedItem &item, const Common::Error &error)
{
    ItemOutcome o;
    o.key = item.key;
    o.error = error;
    return o;
}

void send(const QList<EncodedItem> &items, std::shared_ptr<Plan> plan, Done done, int round)
{
    if (items.isEmpty()) {
        done({});
        return;
    }
    QJsonArray body;
    QStringList keys;
    CallMeta meta;
    for (const EncodedItem &item : items) {
        body.append(item.json);
        if (!item.keysForLog.isEmpty())
            keys << item.keysForLog;
        // The lane keys items by job id: the op log lists every job the call carried.
        bool isJob = false;
        if (const qint64 job = item.key.toLongLong(&isJob); isJob && job > 0 && !meta.jobIds.contains(job))
            meta.jobIds << job;
    }
    meta.keys = keys.join(QLatin1Char(' '));
    plan->send(body, meta, [items, plan, done, round](Common::Result<QJsonValue> answer) {
        QList<ItemOutcome> out;
        if (answer) {
            const QHash<QString, ItemOutcome> byRid = plan->read(answer.value(), items);
            for (const EncodedItem &item : items) {
                if (byRid.contains(item.requestId)) {
                    ItemOutcome o = byRid.value(item.requestId);
                    o.key = item.key;
                    out << o;
                } else {
                    out << failed(item,
                                  Common::Error::transient(QCoreApplication::translate(
                                      "AmoCrm", "amoCRM's answer did not mention this item")));
                }
            }
            done(out);
            return;
        }
        const Common::Error &error = answer.error();
        const QHash<QString, QJsonArray> byId = AmoCodec::validationErrorsById(error);
        if (!byId.isEmpty() && round < kMaxValidationRounds) {
            QList<EncodedItem> rest;
            for (const EncodedItem &item : items) {
                if (!byId.contains(item.requestId)) {
                    rest << item;
                    continue;
                }
                const QJsonArray errors = byId.value(item.requestId);
                if (namesUnknownField(errors) && plan->unknownField)
                    plan->unknownField();
                out << failed(item, AmoCodec::validationError(errors, item.paths));
            }
            if (rest.size() < items.size()) {
                qCInfo(lcAmoCrm) << out.size() << "item(s) refused by validation; sending the other"
                                 << rest.size();
                send(
                    rest, plan, [out, done](QList<ItemOutcome> more) { done(out + more); }, round + 1);
                return;
            }
            out.clear();
        }
        if (error.httpStatus == 400 && items.size() > 1 && round < kMaxValidationRounds * 4) {
            const QList<EncodedItem> first = items.mid(0, items.size() / 2);
            const QList<EncodedItem> second = items.mid(items.size() / 2);
            send(
                first, plan,
                [second, plan, done, round](QList<ItemOutcome> a) {
                    send(
                        second, plan, [a, done](QList<ItemOutcome> b) { done(a + b); }, round + 1);
                },
                round + 1);
            return;
        }
        if (error.kind == Common::ErrorKind::Transient && plan->reconcile && round < kMaxReconcileRounds) {
            plan->reconcile(items, [items, plan, done, round](QHash<QString, ItemOutcome> found) {
                QList<ItemOutcome> settled;
                QList<EncodedItem> rest;
                for (const EncodedItem &item : items) {
                    if (found.contains(item.key))
                        settled << found.value(item.key);
                    else
                        rest << item;
                }
                qCInfo(lcAmoCrm) << "after a failed create," << settled.size() << "deal(s) were found;"
                                 << rest.size() << "are sent again";
                send(
                    rest, plan, [settled, done](QList<ItemOutcome> more) { done(settled + more); },
                    round + 1);
            });
            return;
        }
        for (const EncodedItem &item : items)
            out << failed(item, error);
        done(out);
    });
}

} // namespace Crm::AmoCrm::AmoBatchSender
