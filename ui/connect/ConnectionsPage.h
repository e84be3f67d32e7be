// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Database.h"

#include <QWidget>
#include <memory>

class QLabel;
class QLineEdit;
class QListWidget;

namespace Secrets {
class SecretStore;
}

namespace Gui {

class AmoSignInPanel;
class ShopSidePanel;

/**
 * The Connections page: the CRM connections (add one: name, account address, client id, redirect
 * address; then sign in with AmoSignInPanel) and the shop side (ShopSidePanel: the shop databases the
 * bridge reads and the form intake endpoints, with their addresses and secrets ready to copy). GUI thread;
 * owned by the main window.
 */
class ConnectionsPage : public QWidget
{
    Q_OBJECT
public:
    ConnectionsPage(std::shared_ptr<Storage::Database> db, std::shared_ptr<Secrets::SecretStore> secrets,
                    QWidget *parent = nullptr);

    AmoSignInPanel *signInPanel() const { return m_signIn; }

public Q_SLOTS:
    void reload();
    /** Saves the form as a new or changed connection; false with the reason shown. */
    bool saveConnection();

private:
    void showConnection(qint64 id);

    std::shared_ptr<Storage::Database> m_db;
    QListWidget *m_list;
    QLineEdit *m_name;
    QLineEdit *m_baseUrl;
    QLineEdit *m_clientId;
    QLineEdit *m_redirectUri;
    QLabel *m_result;
    AmoSignInPanel *m_signIn;
    ShopSidePanel *m_shop;
    qint64 m_current = 0;
};

} // namespace Gui
