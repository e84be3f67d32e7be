// SPDX-License-Identifier: GPL-3.0-or-later
#include "RetailUploader.h"

#include "crm/retailcrm/RetailCodec.h"
#include "store/EntityLinkRepo.h"
#include "store/WatermarkRepo.h"

#include <QJsonArray>
#include <QTimer>

namespace Engine {

using Common::Error;
using Crm::DraftContact;
using Crm::RetailCrm::RetailCallMeta;

RetailUploader::RetailUploader(Crm::RetailCrm::RetailCrmConnector *connector, Source::ShopSource *source,
                               std::shared_ptr<Storage::Database> db, QObject *parent)
    : QObject(parent)
    , m_connector(connector)
    , m_source(source)
    , m_db(std::move(db))
{ }

QString RetailUploader::stream(Kind kind) const
{
    return QStringLiteral("retailcrm-upload:%1:%2")
        .arg(m_connector->config().connectionId)
        .arg(kind == Kind::Customers ? QStringLiteral("customers") : QStringLiteral("orders"));
}

void RetailUploader::run(Kind kind, std::function<void(Common::Result<Stats>)> done)
{
    if (kind == Kind::Orders && !m_builder) {
        QTimer::singleShot(0, this, [done] {
            done(Error::invalidInput(QStringLiteral("Orders need the connection's mapping"),
                                     QStringLiteral("no-mapping")));
        });
        return;
    }
    nextBatch(kind, std::make_shared<Stats>(), 0, std::move(done));
}

void RetailUploader::nextBatch(Kind kind, std::shared_ptr<Stats> stats, int batches,
                               std::function<void(Common::Result<Stats>)> done)
{
    if (m_maxBatches > 0 && batches >= m_maxBatches) {
        done(*stats);
        return;
    }
    Store::WatermarkRepo watermarks(m_db);
    auto mark = watermarks.value(m_source->name(), stream(kind));
    if (!mark) {
        done(mark.error());
        return;
    }
    const qint64 after = mark->value_or(QStringLiteral("0")).toLongLong();
    QJsonArray items;
    QStringList labels, externalIds, shopIds;
    qint64 last = after;
    if (kind == Kind::Customers) {
        auto customers = m_source->customersAfter(after, kBatch);
        if (!customers) {
            done(customers.error());
            return;
        }
        for (const Model::Customer &c : customers.value()) {
            DraftContact contact;
            contact.name = c.name;
            if (!c.phone.isEmpty())
                contact.phones.append({ c.phone, QStringLiteral("WORK") });
            if (!c.email.isEmpty())
                contact.emails.append({ c.email, QStringLiteral("WORK") });
            items.append(Crm::RetailCrm::RetailCodec::customerJson(contact, c.id));
            labels << (c.email.isEmpty() ? c.id : c.email);
            externalIds << c.id;
            shopIds << c.id;
            last = qMax(last, c.id.toLongLong());
        }
    } else {
        auto orders = m_source->ordersAfter(after, kBatch);
        if (!orders) {
            done(orders.error());
            return;
        }
        for (const Model::ShopOrder &o : orders.value()) {
            last = qMax(last, o.id.toLongLong());
            auto draft = m_builder->build(o);
            if (!draft) {
                ++stats->read;
                ++stats->failed;
                if (stats->errors.size() < 20)
                    stats->errors << QStringLiteral("%1: %2").arg(o.number, draft.error().message);
                continue;
            }
            const QString externalId = Crm::RetailCrm::RetailCodec::externalIdOf(draft.value());
            QJsonObject order = Crm::RetailCrm::RetailCodec::orderJson(draft.value(), externalId, {});
            if (!o.customer.id.isEmpty() && o.customer.id != QLatin1String("0"))
                order.insert(QStringLiteral("customer"),
                             QJsonObject { { QStringLiteral("externalId"), o.customer.id } });
            items.append(order);
            labels << o.number;
            externalIds << externalId;
            shopIds << o.id;
        }
    }
    if (items.isEmpty() && last == after) {
        done(*stats);
        return;
    }
    auto finishBatch = [this, kind, stats, batches, done,
                        last](const QJsonObject &answer, const QStringList &labels,
                              const QStringList &externalIds, const QStringList &shopIds) {
        settle(kind, answer, labels, externalIds, shopIds, *stats);
        if (auto saved
            = Store::WatermarkRepo(m_db).setValue(m_source->name(), stream(kind), QString::number(last));
            !saved) {
            done(saved.error());
            return;
        }
        Q_EMIT progress(stats->read, last);
        nextBatch(kind, stats, batches + 1, done);
    };
    if (items.isEmpty()) {
        finishBatch({}, {}, {}, {});
        return;
    }
    stats->read += int(items.size());
    const QString field = kind == Kind::Customers ? QStringLiteral("customers") : QStringLiteral("orders");
    RetailCallMeta meta;
    meta.keys = labels.join(QLatin1String(", ")).left(500);
    meta.idempotent = false;
    m_connector->post(
        field + QStringLiteral("/upload"),
        { { QStringLiteral("site"), m_connector->config().site },
          { field, Crm::RetailCrm::RetailApiClient::json(items) } },
        [done, finishBatch, labels, externalIds, shopIds](Common::Result<QJsonObject> answer) {
            if (answer) {
                finishBatch(answer.value(), labels, externalIds, shopIds);
                return;
            }
            // 460: loaded with errors — the answer says which went in; anything else stops the upload
            // with the watermark before this batch (it is sent again next time).
            const QJsonObject response = answer.error().details.value(QLatin1String("response")).toObject();
            if (answer.error().httpStatus == 460 && !response.isEmpty()) {
                finishBatch(response, labels, externalIds, shopIds);
                return;
            }
            done(answer.error());
        },
        meta);
}

void RetailUploader::settle(Kind kind, const QJsonObject &answer, const QStringList &labels,
                            const QStringList &externalIds, const QStringList &shopIds, Stats &stats)
{
    const bool customers = kind == Kind::Customers;
    QHash<QString, QString> uploaded; // externalId → RetailCRM id
    for (const QJsonValue &v :
         answer.value(customers ? QLatin1String("uploadedCustomers") : QLatin1String("uploadedOrders"))
             .toArray())
        uploaded.insert(v.toObject().value(QLatin1String("externalId")).toVariant().toString(),
                        QString::number(v.toObject().value(QLatin1String("id")).toInteger()));
    QStringList reasons;
    const QJsonValue errors = answer.value(QLatin1String("errors"));
    for (const QJsonValue &e : errors.toArray())
        reasons << e.toString();
    const QJsonObject byField = errors.toObject();
    for (auto it = byField.begin(); it != byField.end(); ++it)
        reasons << it.value().toString();
    Store::EntityLinkRepo links(m_db);
    for (qsizetype i = 0; i < externalIds.size(); ++i) {
        const QString &externalId = externalIds[i];
        if (uploaded.contains(externalId)) {
            ++stats.uploaded;
            if (!customers)
                (void)links.link({ m_connector->config().connectionId, QStringLiteral("order"),
                                   Store::EntityLinkRepo::scopedSourceId(m_source->name(), shopIds[i]),
                                   QStringLiteral("lead"), uploaded.value(externalId) });
            continue;
        }
        const QString reason = [&] {
            for (const QString &r : std::as_const(reasons)) {
                if (r.contains(QStringLiteral("=%1 ").arg(externalId))
                    || r.contains(QStringLiteral("=%1.").arg(externalId))
                    || r.endsWith(QLatin1Char('=') + externalId))
                    return r;
            }
            return QString();
        }();
        if (reason.contains(QLatin1String("already exists"))) {
            ++stats.existing;
            continue;
        }
        ++stats.failed;
        if (stats.errors.size() < 20)
            stats.errors << QStringLiteral("%1: %2").arg(
                labels[i], reason.isEmpty() ? QStringLiteral("refused") : reason);
    }
}

} // namespace Engine
