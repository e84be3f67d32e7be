// SPDX-License-Identifier: GPL-3.0-or-later
#include "RetailCustomerUpload.h"

#include "crm/retailcrm/RetailCodec.h"
#include "store/WatermarkRepo.h"

#include <QJsonArray>
#include <QTimer>

namespace Engine {

using Common::Error;
using Crm::DraftContact;
using Crm::RetailCrm::RetailCallMeta;

RetailCustomerUpload::RetailCustomerUpload(Crm::RetailCrm::RetailCrmConnector *connector,
                                           Source::ShopSource *source, std::shared_ptr<Storage::Database> db,
                                           QObject *parent)
    : QObject(parent)
    , m_connector(connector)
    , m_source(source)
    , m_db(std::move(db))
{ }

QString RetailCustomerUpload::stream() const
{
    return QStringLiteral("retailcrm-upload:%1:customers").arg(m_connector->config().connectionId);
}

void RetailCustomerUpload::run(std::function<void(Common::Result<Stats>)> done)
{
    nextBatch(std::make_shared<Stats>(), 0, std::move(done));
}

void RetailCustomerUpload::nextBatch(std::shared_ptr<Stats> stats, int batches,
                                     std::function<void(Common::Result<Stats>)> done)
{
    if (m_maxBatches > 0 && batches >= m_maxBatches) {
        done(*stats);
        return;
    }
    Store::WatermarkRepo watermarks(m_db);
    auto mark = watermarks.value(m_source->name(), stream());
    if (!mark) {
        done(mark.error());
        return;
    }
    const qint64 after = mark->value_or(QStringLiteral("0")).toLongLong();
    QJsonArray items;
    QStringList labels, externalIds;
    qint64 last = after;
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
        last = qMax(last, c.id.toLongLong());
    }
    if (items.isEmpty() && last == after) {
        done(*stats);
        return;
    }
    auto finishBatch
        = [this, stats, batches, done, last](const QJsonObject &answer, const QStringList &labels,
                                             const QStringList &externalIds) {
              settle(answer, labels, externalIds, *stats);
              if (auto saved
                  = Store::WatermarkRepo(m_db).setValue(m_source->name(), stream(), QString::number(last));
                  !saved) {
                  done(saved.error());
                  return;
              }
              Q_EMIT progress(stats->read, last);
              nextBatch(stats, batches + 1, done);
          };
    if (items.isEmpty()) {
        finishBatch({}, {}, {});
        return;
    }
    stats->read += int(items.size());
    const QString field = QStringLiteral("customers");
    RetailCallMeta meta;
    meta.keys = labels.join(QLatin1String(", ")).left(500);
    meta.idempotent = false;
    m_connector->post(
        field + QStringLiteral("/upload"),
        { { QStringLiteral("site"), m_connector->config().site },
          { field, Crm::RetailCrm::RetailApiClient::json(items) } },
        [done, finishBatch, labels, externalIds](Common::Result<QJsonObject> answer) {
            if (answer) {
                finishBatch(answer.value(), labels, externalIds);
                return;
            }
            // 460: loaded with errors — the answer says which went in; anything else stops the upload
            // with the watermark before this batch (it is sent again next time).
            const QJsonObject response = answer.error().details.value(QLatin1String("response")).toObject();
            if (answer.error().httpStatus == 460 && !response.isEmpty()) {
                finishBatch(response, labels, externalIds);
                return;
            }
            done(answer.error());
        },
        meta);
}

void RetailCustomerUpload::settle(const QJsonObject &answer, const QStringList &labels,
                                  const QStringList &externalIds, Stats &stats)
{
    QHash<QString, QString> uploaded; // externalId → RetailCRM id
    for (const QJsonValue &v : answer.value(QLatin1String("uploadedCustomers")).toArray())
        uploaded.insert(v.toObject().value(QLatin1String("externalId")).toVariant().toString(),
                        QString::number(v.toObject().value(QLatin1String("id")).toInteger()));
    QStringList reasons;
    const QJsonValue errors = answer.value(QLatin1String("errors"));
    for (const QJsonValue &e : errors.toArray())
        reasons << e.toString();
    const QJsonObject byField = errors.toObject();
    for (auto it = byField.begin(); it != byField.end(); ++it)
        reasons << it.value().toString();
    for (qsizetype i = 0; i < externalIds.size(); ++i) {
        const QString &externalId = externalIds[i];
        if (uploaded.contains(externalId)) {
            ++stats.uploaded;
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
