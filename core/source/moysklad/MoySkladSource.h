// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "source/ShopSource.h"
#include "source/SourceRepo.h"

#include <memory>

namespace Source::MoySklad {

class MoySkladBonusWriter;
class MoySkladClient;
class MoySkladEventReader;

/** How one MoySklad source is set up: from its SourceRecord plus the token (or the password of a
 *  login) from the SecretStore. */
struct MoySkladConfig
{
    QString name;
    QString apiUrl = defaultApiUrl();
    QByteArray secret; ///< the token, or the login's password; from the SecretStore, never from the record
    QString login; ///< empty: the secret is a token (Bearer); else Basic auth with this login
    bool fromBeginning = false;
    int requestsPerWindow = 45; ///< the budget's requests per 3 s the source starts with
    /** Retail sales as deals (OrderCreated) instead of purchases (PurchaseMade) on a CRM customer. */
    bool salesAsDeals = false;
    /** While the source's webhooks are on: what the bridge's own writes carry so they do not come
     *  back (ShopWebhooks::ownWritesPrefix). */
    QString ownWritesPrefix;

    static QString defaultApiUrl() { return QStringLiteral("https://api.moysklad.ru/api/remap/1.2"); }
    /** Record: url = the API URL (default api.moysklad.ru); config "start" ("latest" | "beginning"),
     *  "requests_per_3s" (45), "sales_as" ("purchases", the default, | "deals"), "login" (sign in with a
     * login and its password instead of a token). The token or password is the source's secret
     * (SourceRecord::passwordSecretName). */
    static Common::Result<MoySkladConfig> fromRecord(const SourceRecord &record, const QByteArray &secret);
    QByteArray authorization() const;
};

/**
 * MoySklad (JSON API 1.2) as a shop source: private buyers, their retail sales and customer orders,
 * read by polling `updated` (MoySkladEventReader) within the request budget (MoySkladClient). A pure
 * reader of events: the engine stores what read() returns through the outbox. The catalogue is read
 * for the CRM's (catalog()), and a product whose CRM element was deleted is deleted here
 * (deleteProduct). Order statuses are not written back (writeStatus answers "unsupported"); bonus
 * points set in a CRM are, as bonus operations (MoySkladBonusWriter). Threading: as ShopSource — one
 * thread.
 */
class MoySkladSource final : public ShopSource
{
public:
    static Common::Result<std::unique_ptr<MoySkladSource>> open(MoySkladConfig config);
    ~MoySkladSource() override;

    QString name() const override { return m_config.name; }
    QString kind() const override { return QStringLiteral("moysklad"); }
    Common::Result<QList<Model::SourceField>> fieldCatalogue() override;
    Common::Result<Model::CategoryTree> categories() override;
    Common::Result<QList<ShopStatus>> statuses() override;
    Common::Result<SourceSummary> summary() override;
    Common::Result<SourceRead> read(const Marks &marks, int maxEvents = 200) override;
    /** A read is one request per stream; polling may spend at most 40 % of the budget's pace, so the
     *  rest stays for looking up buyers, points and products (about 0.75 s with a solution's token,
     *  3 s with a user's, which costs 4 units since 2026-12). */
    int minPollIntervalMs() const override;
    Common::Status writeStatus(const QString &orderId, const QString &statusId) override;
    /** One webhook per (entity, action) this source reads: retail sales, customer orders and
     *  counterparties created or changed, bonus transactions created or changed. */
    Common::Result<QStringList> subscribe(const QString &url) override;
    Common::Status unsubscribe(const QStringList &hookIds) override;
    Common::Result<double> bonusPoints(const QString &customerId) override;
    Common::Result<PointsGranted> grantBonusPoints(const PointsGrant &grant) override;
    /** Product folders and products (MoySkladCatalogReader); @p siteUrl is not used (no shop pages). */
    Common::Result<Model::Catalog> catalog(const QString &siteUrl) override;
    /** amoCRM's own MoySklad integration: a product deleted in MoySklad only loses its link, an element
     *  deleted in the CRM deletes its product here. */
    CatalogDeletionRules catalogDeletionRules() const override { return { true, true }; }
    /** DELETE /entity/product/<id>; a product already gone (404) is success, one a document uses is
     *  refused by MoySklad (409, code 1028): a Permanent "product-in-use" error. */
    Common::Status deleteProduct(const QString &productId) override;

    MoySkladClient &client() { return *m_client; }

private:
    explicit MoySkladSource(MoySkladConfig config);

    MoySkladConfig m_config;
    std::unique_ptr<MoySkladClient> m_client;
    std::unique_ptr<MoySkladEventReader> m_reader;
    std::unique_ptr<MoySkladBonusWriter> m_bonus;
};

} // namespace Source::MoySklad
