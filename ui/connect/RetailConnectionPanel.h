// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Database.h"
#include "store/ConnectionRepo.h"

#include <QWidget>
#include <memory>

class QLabel;
class QPushButton;

namespace Secrets {
class SecretStore;
}

namespace Gui {

class RetailKeyCheck;

/**
 * One RetailCRM connection on the Connections page: its account and site, whether its API key is in
 * the keychain (looked up asynchronously; the key itself is never shown), "Check connection" with the
 * stored key and "Replace key…" (RetailConnectionDialog). GUI thread; owned by the Connections page.
 */
class RetailConnectionPanel : public QWidget
{
    Q_OBJECT
public:
    RetailConnectionPanel(std::shared_ptr<Storage::Database> db,
                          std::shared_ptr<Secrets::SecretStore> secrets, QWidget *parent = nullptr);

    void setConnection(const Store::Connection &connection);

public Q_SLOTS:
    void checkConnection();
    /** Opens the dialog that replaces the key (and the address or site). */
    void replaceKey();

Q_SIGNALS:
    /** The connection's key or state changed in the store. */
    void connectionChanged();

private:
    void showKeyState();

    std::shared_ptr<Storage::Database> m_db;
    std::shared_ptr<Secrets::SecretStore> m_secrets;
    Store::Connection m_connection;
    RetailKeyCheck *m_check;
    QLabel *m_account;
    QLabel *m_site;
    QLabel *m_key;
    QLabel *m_result;
    QPushButton *m_checkButton;
    QPushButton *m_replaceButton;
};

} // namespace Gui
