// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AmoApiClient.h"
#include "crm/DealDraft.h"
#include "storage/Database.h"

#include <QHash>
#include <memory>

namespace Crm::AmoCrm {

/**
 * Finds the amoCRM company that a new deal's company is, so a returning legal buyer stays one company
 * (issue 19): leads/complex would make a new company with every deal. A company is known by its INN
 * when the draft carries one (a company field named «ИНН»/INN, or mapped from a shop field INN),
 * else by its name, normalised (case, spaces and quote marks do not count).
 *
 * For each company of a batch, once: the store's link of this connection (source kind "company",
 * what this connection made or found before, across restarts), checked to still exist in one listing
 * for the batch; else amoCRM's search (`GET /api/v4/companies?query=`, an exact INN or name match
 * only); else one POST /api/v4/companies for all the batch's new ones. Found and made companies are
 * linked in the store. Lives on its connector's thread; owned by the connector.
 */
class AmoCompanyResolver
{
public:
    /** Company key → its amoCRM id, or why it could not be found or made. */
    using Resolved = QHash<QString, Common::Result<QString>>;

    AmoCompanyResolver(AmoApiClient &api, std::shared_ptr<Storage::Database> db, qint64 connectionId);

    /** "inn:7701234567" or "name:ооо ромашка"; empty for a company without a name. */
    static QString keyOf(const DraftCompany &company);
    /** The company's INN (digits only), or empty. */
    static QString innOf(const DraftCompany &company);
    /** Lower case, quote marks dropped, runs of spaces as one: «ООО "Ромашка"» is ооо ромашка. */
    static QString normalisedName(const QString &name);

    void resolve(const QList<DraftCompany> &companies, std::function<void(Resolved)> done);

private:
    struct Batch;
    void checkStored(std::shared_ptr<Batch> batch);
    void search(std::shared_ptr<Batch> batch, int index);
    void createRest(std::shared_ptr<Batch> batch);
    void remember(const QString &key, const QString &companyId);
    void forget(const QString &key);
    /** The company in @p found that is @p company by its key, or 0. */
    static qint64 matchOf(const QJsonArray &found, const DraftCompany &company);

    AmoApiClient &m_api;
    std::shared_ptr<Storage::Database> m_db;
    qint64 m_connectionId;
};

} // namespace Crm::AmoCrm
