const app = document.querySelector('#app');
app.dataset.route = window.location.pathname;
