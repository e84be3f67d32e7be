// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShopSource.h"

#include "common/Clock.h"
#include "store/CategoryCacheRepo.h"

#include <QLoggingCategory>

namespace {
Q_LOGGING_CATEGORY(lcShopSource, "crmbridge.source")
}

namespace Source {

using Common::Error;

ShopSource::~ShopSource() = default;

Common::Status refreshCategoryCache(ShopSource &source, std::shared_ptr<Storage::Database> store,
                                    const Common::Clock *clock, qint64 maxAgeMs)
{
    Store::CategoryCacheRepo cache(std::move(store), clock);
    auto cached = cache.load(source.name());
    if (cached && cached->has_value() && clock->nowMs() - (*cached)->fetchedAt < maxAgeMs)
        return {};
    auto tree = source.categories();
    Common::Status saved = tree ? cache.save(source.name(), tree.value()) : Common::Status(tree.error());
    if (!saved)
        qCWarning(lcShopSource) << source.name()
                                << ": cannot cache the category tree:" << saved.error().message;
    return saved;
}

Common::Result<QList<ShopMethod>> ShopSource::methods(MethodKind)
{
    return QList<ShopMethod>();
}

namespace {
Error unsupported(const ShopSource &source, const char *what)
{
    return Error::permanent(
        QStringLiteral("A %1 source cannot list its %2").arg(source.kind(), QLatin1String(what)),
        QStringLiteral("unsupported"));
}
} // namespace

Common::Result<QStringList> ShopSource::subscribe(const QString &)
{
    return Error::permanent(
        QStringLiteral("A %1 shop has no webhooks; the bridge reads it at an interval").arg(kind()),
        QStringLiteral("unsupported"));
}

Common::Status ShopSource::unsubscribe(const QStringList &hookIds)
{
    if (hookIds.isEmpty())
        return {};
    return subscribe(QString()).error();
}

Common::Result<Model::Catalog> ShopSource::catalog(const QString &)
{
    return unsupported(*this, "catalogue");
}

Common::Status ShopSource::deleteProduct(const QString &)
{
    return Error::permanent(QStringLiteral("A %1 source cannot delete its products").arg(kind()),
                            QStringLiteral("unsupported"));
}

Common::Result<QList<Model::ShopOrder>> ShopSource::ordersAfter(qint64, int)
{
    return unsupported(*this, "orders");
}

Common::Result<QList<Model::Customer>> ShopSource::customersAfter(qint64, int)
{
    return unsupported(*this, "customers");
}

Common::Result<double> ShopSource::bonusPoints(const QString &)
{
    return Error::permanent(QStringLiteral("A %1 source keeps no bonus points").arg(kind()),
                            QStringLiteral("unsupported"));
}

Common::Result<PointsGranted> ShopSource::grantBonusPoints(const PointsGrant &)
{
    return bonusPoints({}).error();
}

Common::Result<qint64> ShopSource::countHistory(const OrderRange &)
{
    return unsupported(*this, "order history");
}

Common::Result<QList<Model::ShopEvent>> ShopSource::history(const OrderRange &, qint64, int)
{
    return unsupported(*this, "order history");
}

QJsonObject OrderRange::toJson() const
{
    QJsonObject json;
    if (fromId > 0)
        json.insert(QStringLiteral("from_id"), fromId);
    if (toId > 0)
        json.insert(QStringLiteral("to_id"), toId);
    if (from.isValid())
        json.insert(QStringLiteral("from"), from.toUTC().toString(Qt::ISODate));
    if (to.isValid())
        json.insert(QStringLiteral("to"), to.toUTC().toString(Qt::ISODate));
    return json;
}

OrderRange OrderRange::fromJson(const QJsonObject &json)
{
    OrderRange range;
    range.fromId = json.value(QStringLiteral("from_id")).toInteger();
    range.toId = json.value(QStringLiteral("to_id")).toInteger();
    range.from = QDateTime::fromString(json.value(QStringLiteral("from")).toString(), Qt::ISODate);
    range.to = QDateTime::fromString(json.value(QStringLiteral("to")).toString(), Qt::ISODate);
    return range;
}

QString OrderRange::describe() const
{
    QStringList parts;
    if (fromId > 0 || toId > 0)
        parts << QStringLiteral("ids %1–%2")
                     .arg(fromId > 0 ? QString::number(fromId) : QString(),
                          toId > 0 ? QString::number(toId) : QString());
    if (from.isValid() || to.isValid())
        parts << QStringLiteral("created %1 … %2")
                     .arg(from.isValid() ? from.toString(Qt::ISODate) : QString(),
                          to.isValid() ? to.toString(Qt::ISODate) : QString());
    return parts.isEmpty() ? QStringLiteral("every order") : parts.join(QStringLiteral(", "));
}

Common::Status checkTransition(const ShopStatus &from, const ShopStatus &to)
{
    if (from.id == to.id) {
        return Error::permanent(QStringLiteral("The order is already in the status \"%1\"").arg(to.name),
                                QStringLiteral("status-same"));
    }
    if (from.final) {
        return Error::permanent(
            QStringLiteral("The order is in the final status \"%1\" and cannot change to \"%2\"")
                .arg(from.name, to.name),
            QStringLiteral("status-final"));
    }
    if (from.fixed && to.rank <= from.rank) {
        return Error::permanent(QStringLiteral("The status \"%1\" (rank %2) is fixed: \"%3\" (rank %4) would "
                                               "move the order back; the shop allows only a higher rank")
                                    .arg(from.name)
                                    .arg(from.rank)
                                    .arg(to.name)
                                    .arg(to.rank),
                                QStringLiteral("status-rank"));
    }
    return {};
}

} // namespace Source
