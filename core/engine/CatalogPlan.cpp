// SPDX-License-Identifier: GPL-3.0-or-later
#include "CatalogPlan.h"

#include "store/SettingsRepo.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace Engine {

using Common::Error;

QString removedProductsName(RemovedProducts policy)
{
    switch (policy) {
    case RemovedProducts::Keep:
        return QStringLiteral("keep");
    case RemovedProducts::Inactive:
        return QStringLiteral("inactive");
    case RemovedProducts::Delete:
        return QStringLiteral("delete");
    case RemovedProducts::Unlink:
        return QStringLiteral("unlink");
    }
    return {};
}

Common::Result<CatalogSettings> CatalogSettings::read(std::shared_ptr<Storage::Database> db,
                                                      const QString &connectionName)
{
    Store::SettingsRepo settings(std::move(db));
    CatalogSettings out;
    auto perConnection
        = [&](const QString &key, const QString &fallback) -> Common::Result<QPair<QString, QString>> {
        auto general = settings.value(key, fallback);
        if (!general)
            return general.error();
        const QString specific = key + QLatin1Char('.') + connectionName;
        auto value = settings.value(specific, general.value());
        if (!value)
            return value.error();
        return QPair<QString, QString> { value.value() == general.value() ? key : specific, value.value() };
    };
    auto interval = perConnection(kInterval, QStringLiteral("0"));
    if (!interval)
        return interval.error();
    bool ok = false;
    const double minutes = interval->second.trimmed().toDouble(&ok);
    if (!ok || minutes < 0)
        return Error::invalidInput(
            QStringLiteral("The setting %1 is \"%2\"; expected a number of minutes (0: off)")
                .arg(interval->first, interval->second),
            QStringLiteral("bad-setting"));
    out.intervalMs = qint64(minutes * 60'000);
    auto removed = perConnection(kRemoved, removedProductsName(out.removed));
    if (!removed)
        return removed.error();
    bool known = false;
    for (RemovedProducts policy :
         { RemovedProducts::Keep, RemovedProducts::Inactive, RemovedProducts::Delete }) {
        if (removed->second.trimmed() == removedProductsName(policy)) {
            out.removed = policy;
            known = true;
        }
    }
    if (!known)
        return Error::invalidInput(
            QStringLiteral("The setting %1 is \"%2\"; expected keep, inactive or delete")
                .arg(removed->first, removed->second),
            QStringLiteral("bad-setting"));
    return out;
}

Crm::CatalogEntry CatalogPlan::entryOf(const QString &source, const Model::Catalog &catalog,
                                       const Model::CatalogProduct &product)
{
    Crm::CatalogEntry e;
    e.key = product.id;
    e.externalId = source + QLatin1Char(':') + product.id;
    e.name = product.name;
    e.article = product.article;
    e.description = product.description;
    e.groupPath
        = product.categoryIds.isEmpty() ? QString() : catalog.categoryPath(product.categoryIds.first());
    e.imageUrl = product.picture;
    e.url = product.url;
    e.currency = product.currency;
    e.price = product.price;
    e.active = product.active;
    return e;
}

QString CatalogPlan::hashOf(const Crm::CatalogEntry &e)
{
    // What the CRM shows of the product; the element id and the caller's key are not content.
    const QJsonObject content {
        { "name", e.name },          { "article", e.article }, { "description", e.description },
        { "group", e.groupPath },    { "image", e.imageUrl },  { "url", e.url },
        { "currency", e.currency },  { "price", e.price },     { "active", e.active },
        { "external", e.externalId }
    };
    return QString::fromLatin1(QCryptographicHash::hash(QJsonDocument(content).toJson(QJsonDocument::Compact),
                                                        QCryptographicHash::Sha1)
                                   .toHex());
}

bool CatalogPlan::isUnlinked(const QString &state)
{
    return state == QLatin1String("unlinked") || state == QLatin1String("crm-deleted");
}

CatalogPlan CatalogPlan::make(const QString &source, const Model::Catalog &catalog,
                              const QHash<QString, Store::CatalogItem> &stored, RemovedProducts policy)
{
    CatalogPlan plan;
    QSet<QString> seen;
    for (const Model::CatalogProduct &product : catalog.products) {
        ++plan.products;
        seen.insert(product.id);
        Crm::CatalogEntry entry = entryOf(source, catalog, product);
        const Store::CatalogItem item = stored.value(product.id);
        if (isUnlinked(item.state)) {
            ++plan.unchanged;
            continue;
        }
        const bool inCrm = !item.elementId.isEmpty() && item.state != QLatin1String("deleted");
        if (!product.active) {
            // Unpublished: never created; an element of it follows the policy.
            if (!inCrm || policy == RemovedProducts::Keep) {
                ++plan.unchanged;
                continue;
            }
            entry.elementId = item.elementId;
            ++plan.retired;
            if (policy == RemovedProducts::Delete) {
                plan.deletes << entry;
                continue;
            }
        }
        const QString hash = hashOf(entry);
        plan.hashes.insert(product.id, hash);
        if (!inCrm) {
            plan.creates << entry;
        } else if (item.contentHash != hash) {
            entry.elementId = item.elementId;
            plan.updates << entry;
        } else {
            ++plan.unchanged;
            if (!product.active)
                --plan.retired;
        }
    }
    // Deleted in the shop: gone from its catalogue.
    for (const Store::CatalogItem &item : stored) {
        if (seen.contains(item.productKey) || item.elementId.isEmpty() || isUnlinked(item.state)
            || item.state == QLatin1String("deleted") || policy == RemovedProducts::Keep)
            continue;
        if (policy == RemovedProducts::Unlink) {
            Store::CatalogItem unlinked = item;
            unlinked.state = QStringLiteral("unlinked");
            plan.unlinks << unlinked;
            continue;
        }
        if (item.state == QLatin1String("inactive"))
            continue;
        Crm::CatalogEntry entry;
        entry.key = item.productKey;
        entry.externalId = source + QLatin1Char(':') + item.productKey;
        entry.elementId = item.elementId;
        entry.name = item.name;
        entry.active = false;
        entry.retireOnly = true;
        ++plan.retired;
        if (policy == RemovedProducts::Delete) {
            plan.deletes << entry;
        } else {
            plan.hashes.insert(item.productKey, hashOf(entry));
            plan.updates << entry;
        }
    }
    return plan;
}

} // namespace Engine
