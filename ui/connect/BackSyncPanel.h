// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Database.h"
#include "store/BackSyncConfig.h"
#include "store/ConnectionRepo.h"

#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace Crm {
class ConnectorFactory;
}
namespace Secrets {
class SecretStore;
}

namespace Gui {

/**
 * Back-sync of one CRM connection (the CRM's stage changes → shop statuses): what it is now, and
 * switching it off, to a webhook (the intake server's public address; a CRM that cannot post, like
 * RetailCRM, has no webhook choice) or to polling with an interval. Applying runs
 * Engine::BackSyncSetup, as `crmbridgectl backsync enable|disable` does, with the connection's
 * connector on this thread: every CRM call is asynchronous and the panel shows what is happening and
 * the CRM's error. The webhook's address to copy stays in the shop side table. GUI thread; owned by the
 * Connections page.
 */
class BackSyncPanel : public QWidget
{
    Q_OBJECT
public:
    BackSyncPanel(std::shared_ptr<Storage::Database> db, std::shared_ptr<Secrets::SecretStore> secrets,
                  QWidget *parent = nullptr);
    ~BackSyncPanel() override;

    void setConnection(const Store::Connection &connection);
    bool isApplying() const { return m_running != nullptr; }

public Q_SLOTS:
    /** Switches to the chosen mode (registering or removing the webhook with the CRM). */
    void apply();

Q_SIGNALS:
    /** The connection's back-sync changed in the store. */
    void changed();

private:
    Store::BackSyncConfig::Mode chosenMode() const;
    void showChoice();
    void showState();
    void setBusy(bool busy);

    std::shared_ptr<Storage::Database> m_db;
    std::shared_ptr<Secrets::SecretStore> m_secrets;
    std::unique_ptr<Crm::ConnectorFactory> m_connectors;
    Store::Connection m_connection;
    QObject *m_running = nullptr; ///< the running apply's connector and network access
    QLabel *m_state;
    QComboBox *m_mode;
    QLineEdit *m_publicUrl;
    QSpinBox *m_interval;
    QPushButton *m_apply;
    QLabel *m_result;
};

} // namespace Gui
