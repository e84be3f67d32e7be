// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "storage/Database.h"
#include "store/ConnectionRepo.h"

#include <QList>
#include <QObject>
#include <QUrl>
#include <functional>
#include <memory>

namespace Crm {
class CrmConnector;
}
namespace Secrets {
class SecretStore;
}

namespace Gui {

/** What a RetailCRM key sees: the account and the sites (code and name) for the site chooser. */
struct RetailAccount
{
    struct Site
    {
        QString code;
        QString name;
    };
    QString accountName;
    QList<Site> sites;
};

/**
 * Checks a RetailCRM account address and API key the way `crmbridgectl connection test` does: the
 * RetailCrmConnector's test call (credentials, and the site when one is given), then `reference/sites`
 * for the sites the key can see. A typed key is held only in an in-memory SecretStore for the check's
 * duration; a stored connection is checked with its stored key. All calls are the connector's
 * asynchronous QNetworkAccessManager requests; a new check drops the answer of the running one.
 * GUI thread; owned by the widget that shows the answer.
 */
class RetailKeyCheck : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(Common::Result<RetailAccount>)>;

    RetailKeyCheck(std::shared_ptr<Storage::Database> db, std::shared_ptr<Secrets::SecretStore> secrets,
                   QObject *parent = nullptr);
    ~RetailKeyCheck() override;

    /** Checks a key not stored yet; @p site may be empty (then only the key is checked). */
    void checkTyped(const QUrl &baseUrl, const QString &key, const QString &site, Done done);
    /** Checks a stored connection with the key in the SecretStore. */
    void checkStored(const Store::Connection &connection, Done done);
    bool isRunning() const { return m_holder != nullptr; }

private:
    using Make = std::function<std::unique_ptr<Crm::CrmConnector>(QObject *parent)>;
    /** Makes the connector (and its network access) under a holder deleted when the check ends. */
    void run(const Make &make, Done done);
    void finish(quint64 generation, Common::Result<RetailAccount> result);

    std::shared_ptr<Storage::Database> m_db;
    std::shared_ptr<Secrets::SecretStore> m_secrets;
    QObject *m_holder = nullptr; ///< the running check's connector and network access
    Done m_done;
    quint64 m_generation = 0;
};

} // namespace Gui
