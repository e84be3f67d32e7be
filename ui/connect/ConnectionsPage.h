// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Database.h"

#include <QWidget>
#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QGroupBox;
class QPushButton;
class QStackedWidget;

namespace Source {
class SourceRegistry;
}

namespace Secrets {
class SecretStore;
}

namespace Gui {

class AmoSignInPanel;
class BackSyncPanel;
class CatalogPanel;
class RetailConnectionDialog;
class RetailConnectionPanel;
class ShopSidePanel;

/**
 * The Connections page: the CRM connections (add an amoCRM one: name, account address, client id,
 * redirect address, then sign in with AmoSignInPanel; or a RetailCRM one with RetailConnectionDialog,
 * shown by RetailConnectionPanel), each connection's back-sync (BackSyncPanel) and products catalogue
 * (CatalogPanel), and the shop side
 * (ShopSidePanel: the shop databases the bridge reads and the form intake endpoints, with their addresses and
 * secrets ready to copy). GUI thread; owned by the main window.
 */
class ConnectionsPage : public QWidget
{
    Q_OBJECT
public:
    /** sources: the shop platforms this build reads (the app registers them), for "Add shop". */
    ConnectionsPage(std::shared_ptr<Storage::Database> db, std::shared_ptr<Secrets::SecretStore> secrets,
                    std::shared_ptr<const Source::SourceRegistry> sources, QWidget *parent = nullptr);

    AmoSignInPanel *signInPanel() const { return m_signIn; }
    RetailConnectionPanel *retailPanel() const { return m_retail; }
    BackSyncPanel *backSyncPanel() const { return m_backSync; }
    CatalogPanel *catalogPanel() const { return m_catalog; }

public Q_SLOTS:
    void reload();
    /** Saves the form as a new or changed connection; false with the reason shown. */
    bool saveConnection();
    /** Shows the (empty) amoCRM form for a new connection. */
    void newAmoConnection();
    /** Opens the dialog that adds a RetailCRM connection (window-modal); the list shows it once saved. */
    RetailConnectionDialog *newRetailConnection();
    /** Shows the connection (0: the form for a new amoCRM one). */
    void showConnection(qint64 id);
    /** Switches the shown connection on or off: off, it gets no new shop events and its lane waits. */
    void switchConnection(bool enabled);
    /** Deletes the shown connection after asking: its waiting and failed jobs are cancelled, its
     *  delivered jobs and log stay. False when declined or refused (the reason shown). */
    bool deleteConnection();

private:
    std::shared_ptr<Storage::Database> m_db;
    std::shared_ptr<Secrets::SecretStore> m_secrets;
    QListWidget *m_list;
    QLineEdit *m_name;
    QLineEdit *m_baseUrl;
    QLineEdit *m_clientId;
    QLineEdit *m_redirectUri;
    QLabel *m_result;
    AmoSignInPanel *m_signIn;
    RetailConnectionPanel *m_retail;
    BackSyncPanel *m_backSync;
    CatalogPanel *m_catalog; ///< the products in the CRM's catalogue
    QGroupBox *m_crmBox;
    QCheckBox *m_enabled; ///< whether the connection gets the shops' events (config "enabled")
    QPushButton *m_delete;
    QStackedWidget *m_details; ///< the amoCRM form and sign-in, or the RetailCRM panel
    ShopSidePanel *m_shop;
    qint64 m_current = 0;
};

} // namespace Gui
